package io.hallway.exchange;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.hallway.people.SelfService;
import io.hallway.schedule.Event;

/** The caller's contacts as a file download; personal data, so never cached, and theirs on an unpublished event too. */
@ApplicationScoped
class ContactDownloads {

    @Inject
    Connections connections;

    @Inject
    SelfService selfService;

    Response download(String slug, String extension, String type, Function<List<Connections.Row>, String> format) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        List<Connections.Row> rows = mine.me().isEmpty() ? List.of() : connections.list(event.id, mine.me().getAsLong());
        return Response.ok(format.apply(rows), type)
                .header("Content-Disposition", "attachment; filename=\"" + event.slug + "-contacts." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
