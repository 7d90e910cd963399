package io.hallway.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.ext.web.Router;

/**
 * The busiest request of all, an app asking whether its schedule is still current, answered before the
 * REST layer when this replica knows the answer from memory: a 304 with the same headers
 * {@link ScheduleResource#schedule} would send. Everything else (no If-None-Match, a stale copy, a version
 * not checked within the interval) passes through to that endpoint, which is public like this shortcut.
 */
@ApplicationScoped
class ScheduleRevalidation {

    @Inject
    ScheduleHttpCaching caching;

    void register(@Observes Router router) {
        router.get("/api/events/:slug/schedule").order(-1).handler(context -> {
            String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch == null) {
                context.next();
                return;
            }
            caching.notModifiedFromMemory(context.pathParam("slug"), ifNoneMatch,
                    context.request().getHeader(HttpHeaders.ACCEPT_ENCODING))
                    .ifPresentOrElse(headers -> {
                        headers.forEach(context.response()::putHeader);
                        context.response().setStatusCode(304).end();
                    }, context::next);
        });
    }
}
