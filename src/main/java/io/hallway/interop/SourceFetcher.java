package io.hallway.interop;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.Problem;

/**
 * Fetches a schedule document from a source URL without opening a way into the network behind us
 * (SSRF): http(s) only, only allow-listed hosts, redirects followed only within the same host, a time
 * limit on the whole fetch and a size limit on the body.
 */
@ApplicationScoped
class SourceFetcher {

    private static final int MAX_REDIRECTS = 3;

    @Inject
    InteropConfig config;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    byte[] fetch(String sourceUrl) {
        URI uri = allowed(sourceUrl);
        String host = uri.getHost();
        long deadline = System.nanoTime() + config.fetchTimeout().toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = send(uri, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> unreachable(sourceUrl, "it answered " + status + " without a Location"));
                uri = allowed(uri.resolve(location).toString());
                if (!uri.getHost().equalsIgnoreCase(host)) {
                    throw Problem.invalid("sourceUrl", "redirects to another host (" + uri.getHost() + "), which is not followed");
                }
                continue;
            }
            if (status != 200) {
                throw unreachable(sourceUrl, "it answered " + status);
            }
            return response.body();
        }
        throw unreachable(sourceUrl, "it redirected more than " + MAX_REDIRECTS + " times");
    }

    private URI allowed(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Problem.invalid("sourceUrl", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw Problem.invalid("sourceUrl", "must be an http or https URL with a host and no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean listed = config.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals(host) || h.startsWith("*.") && host.endsWith(h.substring(1)));
        if (!listed) {
            throw Problem.invalid("sourceUrl", "host " + host + " is not on the import allow-list (hallway.interop.allowed-hosts)");
        }
        return uri;
    }

    private HttpResponse<byte[]> send(URI uri, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout(uri);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(left))
                .header("Accept", "application/json").build();
        long limit = config.maxDocumentSize().asLongValue();
        var future = client.sendAsync(request, info -> new LimitedBody(limit,
                info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        try {
            // The deadline covers the body too, so a source that trickles bytes cannot hold a worker.
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Problem problem) {
                throw problem;
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(uri);
            }
            throw unreachable(uri.toString(), "the connection failed");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(uri.toString(), "the fetch was interrupted");
        }
    }

    /** Collects a body, giving up as soon as it passes the size limit (or announces that it will). */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final long declared;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(long limit, long declared) {
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > limit) {
                subscription.cancel();
                result.completeExceptionally(tooLarge(limit));
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.writeBytes(bytes);
            }
            if (buffer.size() > limit && !result.isDone()) {
                subscription.cancel();
                result.completeExceptionally(tooLarge(limit));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }

    static Problem tooLarge(long limit) {
        return new Problem(413, "Document too large", "Import documents may be at most " + limit + " bytes.");
    }

    private Problem timeout(URI uri) {
        return new Problem(504, "Source timed out", "Fetching " + uri + " took longer than "
                + config.fetchTimeout().toSeconds() + " s.");
    }

    private static Problem unreachable(String url, String why) {
        return new Problem(502, "Source unavailable", "Could not fetch " + url + ": " + why + ".");
    }
}
