package io.hallway.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;

/**
 * The busiest request of all, an app asking whether its schedule is still current, answered before the
 * REST layer when this replica knows the answer from memory: a 304 with the same headers
 * {@link ScheduleResource#schedule} would send (see {@link ScheduleHttpCaching#revalidateFromMemory}). Everything
 * else (no If-None-Match, a stale copy, a version not checked within the interval) passes through to that
 * endpoint, which is public like this shortcut. The metrics still name the template, taken from this route's path.
 */
@ApplicationScoped
class ScheduleRevalidation {

    @Inject
    ScheduleHttpCaching caching;

    void register(@Observes Router router) {
        ScheduleHttpCaching.revalidateFromMemory(router, "/api/events/:slug/schedule", caching::notModifiedFromMemory);
    }
}
