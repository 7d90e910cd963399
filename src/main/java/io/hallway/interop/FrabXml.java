package io.hallway.interop;

import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes a {@link FrabSchedule} as the c3voc/frab schedule.xml (schema: c3voc schedule.xml.xsd). */
final class FrabXml {

    private FrabXml() {
    }

    static byte[] write(FrabSchedule schedule) {
        Document doc = newDocument();
        Element root = add(doc, doc, "schedule", null);
        Element generator = add(doc, root, "generator", null);
        generator.setAttribute("name", "hallway");
        add(doc, root, "version", String.valueOf(schedule.snapshot().scheduleVersion()));
        var event = schedule.snapshot().event();
        Element conference = add(doc, root, "conference", null);
        add(doc, conference, "title", event.name());
        add(doc, conference, "acronym", schedule.acronym());
        add(doc, conference, "start", event.startDate().toString());
        add(doc, conference, "end", event.endDate().toString());
        add(doc, conference, "days", String.valueOf(schedule.days().size()));
        add(doc, conference, "timeslot_duration", "00:05");
        if (schedule.baseUrl().matches("https?://.*")) {
            add(doc, conference, "base_url", schedule.baseUrl());
        }
        add(doc, conference, "time_zone_name", event.timeZone());
        for (var track : schedule.tracks()) {
            Element element = add(doc, conference, "track", null);
            element.setAttribute("name", track.name());
            if (track.color() != null) {
                element.setAttribute("color", track.color());
            }
        }
        for (FrabSchedule.Day day : schedule.days()) {
            Element dayElement = add(doc, root, "day", null);
            dayElement.setAttribute("index", String.valueOf(day.index()));
            dayElement.setAttribute("date", day.date().toString());
            dayElement.setAttribute("start", FrabSchedule.stamp(day.start()));
            dayElement.setAttribute("end", FrabSchedule.stamp(day.end()));
            day.rooms().forEach((name, items) -> {
                Element room = add(doc, dayElement, "room", null);
                room.setAttribute("name", name);
                schedule.rooms().stream().filter(r -> r.name().equals(name)).findFirst()
                        .ifPresent(r -> room.setAttribute("guid", FrabSchedule.roomGuid(r).toString()));
                items.forEach(item -> event(doc, room, item));
            });
        }
        return serialise(doc);
    }

    private static void event(Document doc, Element room, FrabSchedule.Item item) {
        var session = item.session();
        Element event = add(doc, room, "event", null);
        event.setAttribute("guid", session.guid().toString());
        event.setAttribute("id", String.valueOf(session.id()));
        add(doc, event, "room", item.room());
        add(doc, event, "title", session.title());
        add(doc, event, "subtitle", "");
        add(doc, event, "type", session.kind().wireName());
        add(doc, event, "date", FrabSchedule.stamp(session.startsAt()));
        add(doc, event, "start", item.start());
        add(doc, event, "duration", item.duration());
        add(doc, event, "abstract", session.abstractText() == null ? "" : session.abstractText());
        add(doc, event, "slug", item.slug());
        add(doc, event, "track", item.track() == null ? "" : item.track());
        if (session.language() != null) {
            add(doc, event, "language", session.language());
        }
        Element persons = add(doc, event, "persons", null);
        for (FrabSchedule.Person person : item.persons()) {
            add(doc, persons, "person", person.name()).setAttribute("id", String.valueOf(person.id()));
        }
        Element links = add(doc, event, "links", null);
        for (var link : List.of(new String[] { "slides", session.slidesUrl() }, new String[] { "media", session.videoUrl() })) {
            if (link[1] != null) {
                Element element = add(doc, links, "link", link[0]);
                element.setAttribute("href", link[1]);
                element.setAttribute("type", link[0]);
            }
        }
        if (item.url().matches("https?://.*")) {
            add(doc, event, "url", item.url());
        }
    }

    private static Element add(Document doc, org.w3c.dom.Node parent, String name, String text) {
        Element element = doc.createElement(name);
        if (text != null) {
            // XML 1.0 cannot carry most control characters, not even escaped.
            element.setTextContent(text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""));
        }
        parent.appendChild(element);
        return element;
    }

    private static Document newDocument() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML support", e);
        }
    }

    private static byte[] serialise(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            var out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("The schedule could not be written as XML", e);
        }
    }
}
