package io.hallway.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;

/**
 * The busiest request of all, an app asking whether its schedule is still current, answered before the
 * REST layer when this replica knows the answer from memory: a 304 with the same headers
 * {@link ScheduleResource#schedule} would send. Everything else (no If-None-Match, a stale copy, a version
 * not checked within the interval) passes through to that endpoint, which is public like this shortcut.
 * <p>
 * The route runs right after CORS (Quarkus orders its filters at minus their priority), so browser clients
 * still get their CORS headers, and before authentication and the REST layer's per-request matching of the
 * URI template for metrics: a public 304 needs neither, and that matching cost a quarter of its CPU. The
 * metrics still name the template, taken from this route's path.
 */
@ApplicationScoped
class ScheduleRevalidation {

    private static final int AFTER_CORS = -SecurityHandlerPriorities.CORS + 1;

    @Inject
    ScheduleHttpCaching caching;

    void register(@Observes Router router) {
        router.get("/api/events/:slug/schedule").order(AFTER_CORS).handler(context -> {
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
