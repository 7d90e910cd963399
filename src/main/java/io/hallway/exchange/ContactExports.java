package io.hallway.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.Uid;
import ezvcard.property.Url;

import io.hallway.people.Audience;
import io.hallway.people.Link;
import io.hallway.people.Profile;
import io.hallway.people.ProfileField;

/**
 * My contacts for an address book or a spreadsheet: only the people who share with me, and of each
 * only the fields they let connections see, plus my own note.
 */
final class ContactExports {

    static final List<String> CSV_COLUMNS = List.of("name", "pronouns", "headline", "company", "email", "phone",
            "website", "github", "linkedin", "mastodon", "bluesky", "x", "photo", "interests", "bio", "met_at", "met_during",
            "starred", "my_note");

    /** Cells a spreadsheet would run as a formula (CSV injection, OWASP) start with one of these. */
    private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

    private ContactExports() {
    }

    /** vCard 4.0 (RFC 6350); PRONOUNS is the property of RFC 9554. */
    static String vcards(List<Connections.Row> rows) {
        List<VCard> cards = rows.stream().filter(row -> row.other() != null).map(ContactExports::vcard).toList();
        return cards.isEmpty() ? "" : Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go();
    }

    private static VCard vcard(Connections.Row row) {
        Profile p = row.other();
        VCard card = new VCard();
        card.setUid(new Uid("urn:hallway:connection:" + row.view().id()));
        String name = shared(p, ProfileField.DISPLAY_NAME) ? p.displayName : null;
        // FN is required by RFC 6350; someone who hides their name still needs a card title.
        card.setFormattedName(name != null ? name : "Hallway contact " + row.view().id());
        if (shared(p, ProfileField.PRONOUNS) && p.pronouns != null) {
            card.addProperty(new RawProperty("PRONOUNS", p.pronouns));
        }
        if (shared(p, ProfileField.HEADLINE) && p.headline != null) {
            card.addTitle(p.headline);
        }
        if (shared(p, ProfileField.COMPANY) && p.company != null) {
            card.setOrganization(p.company);
        }
        if (shared(p, ProfileField.EMAIL) && p.email != null) {
            card.addEmail(p.email);
        }
        if (shared(p, ProfileField.PHONE) && p.phone != null) {
            card.addTelephoneNumber(p.phone);
        }
        if (shared(p, ProfileField.LINKS)) {
            for (Link link : p.links) {
                Url url = card.addUrl(link.url());
                url.setType(link.type().wireName());
            }
        }
        if (shared(p, ProfileField.PHOTO_URL) && p.photoUrl != null) {
            card.addPhoto(new Photo(p.photoUrl, null));
        }
        if (shared(p, ProfileField.INTERESTS) && !p.interests.isEmpty()) {
            card.setCategories(p.interests.toArray(String[]::new));
        }
        if (shared(p, ProfileField.BIO) && p.bio != null) {
            card.addNote(p.bio);
        }
        if (row.view().note() != null) {
            card.addNote(row.view().note());
        }
        return card;
    }

    static String csv(List<Connections.Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (Connections.Row row : rows) {
                if (row.other() == null) {
                    continue;
                }
                Profile p = row.other();
                ConnectionView view = row.view();
                printer.printRecord(
                        cell(p, ProfileField.DISPLAY_NAME, p.displayName), cell(p, ProfileField.PRONOUNS, p.pronouns),
                        cell(p, ProfileField.HEADLINE, p.headline), cell(p, ProfileField.COMPANY, p.company),
                        cell(p, ProfileField.EMAIL, p.email), cell(p, ProfileField.PHONE, p.phone),
                        link(p, "website"), link(p, "github"), link(p, "linkedin"), link(p, "mastodon"),
                        link(p, "bluesky"), link(p, "x"), cell(p, ProfileField.PHOTO_URL, p.photoUrl),
                        cell(p, ProfileField.INTERESTS, String.join("; ", p.interests)), cell(p, ProfileField.BIO, p.bio),
                        view.connectedAt().toString(), view.where() == null ? "" : safe(view.where().session()),
                        view.starred() ? "yes" : "", safe(view.note()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean shared(Profile profile, ProfileField field) {
        return profile.shows(field, Audience.CONNECTION);
    }

    private static String cell(Profile profile, ProfileField field, String value) {
        return shared(profile, field) ? safe(value) : "";
    }

    private static String link(Profile profile, String type) {
        if (!shared(profile, ProfileField.LINKS)) {
            return "";
        }
        return safe(profile.links.stream().filter(l -> l.type().wireName().equals(type)).map(Link::url)
                .findFirst().orElse(null));
    }

    /** Text a spreadsheet shows as typed: a leading apostrophe defuses a formula. */
    private static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.contains(value.charAt(0)) ? "'" + value : value;
    }
}
