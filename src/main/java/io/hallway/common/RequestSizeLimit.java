package io.hallway.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses a request whose declared body is over quarkus.http.limits.max-body-size with a problem+json
 * 413, before anything reads it. (The HTTP layer enforces the same limit on bodies without a length,
 * with a bare 413.)
 */
@ApplicationScoped
public class RequestSizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > limit) {
                ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
                JsonObject problem = new JsonObject()
                        .put("type", type.uri().toString())
                        .put("title", type.title())
                        .put("status", type.status())
                        .put("detail", "The request body is larger than the limit of " + limit + " bytes.")
                        .put("instance", context.request().path());
                context.response().setStatusCode(type.status())
                        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDocument.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            context.next();
        });
    }
}
