package io.hallway.interop;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;

/**
 * Fetches a schedule document from a source URL without opening a way into the network behind us (SSRF):
 * http(s) only (https only, unless configured otherwise), allow-listed hosts only, and only hosts whose
 * every address is public unless an operator allows the host's private ones. The host is looked up once
 * and every connection goes to an address that was checked ({@link PinnedHttpGet} says why that rules
 * out java.net.http). Redirects are followed within the same host and port, never from https to http,
 * each hop checked again. A time limit covers the whole fetch, the lookup included; a size limit the body.
 */
@ApplicationScoped
class SourceFetcher {

    private static final int MAX_REDIRECTS = 3;

    /** Name lookups run here, so a fetch waits for one no longer than its time limit. */
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "source-fetch-lookup");
        thread.setDaemon(true);
        return thread;
    });

    /** Looks a host name up; the system resolver, or names of their own in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    @Inject
    InteropConfig config;

    Resolver resolver = InetAddress::getAllByName;

    SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();

    byte[] fetch(String sourceUrl) {
        long deadline = System.nanoTime() + config.fetchTimeout().toNanos();
        URI uri = allowed(sourceUrl);
        // Redirects never leave the host, so the addresses checked here serve every hop.
        List<InetAddress> addresses = checkedAddresses(uri, deadline);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            PinnedHttpGet.Answer answer = get(uri, addresses, deadline);
            int status = answer.status();
            if (status >= 300 && status < 400) {
                String location = answer.header("location")
                        .orElseThrow(() -> unreachable(sourceUrl, "it answered " + status + " without a Location"));
                uri = redirect(uri, location);
                continue;
            }
            if (status != 200) {
                throw unreachable(sourceUrl, "it answered " + status);
            }
            return answer.body();
        }
        throw unreachable(sourceUrl, "it redirected more than " + MAX_REDIRECTS + " times");
    }

    /** A URL the rules allow to be fetched: http(s), a host, no credentials, https if required, allow-listed. */
    URI allowed(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw Problem.invalid("sourceUrl", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw Problem.invalid("sourceUrl", "must be an http or https URL with a host and no credentials");
        }
        if (config.requireHttps() && !scheme.equals("https")) {
            throw Problem.invalid("sourceUrl", "must be an https URL (hallway.interop.require-https)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!listed(config.allowedHosts(), host)) {
            throw Problem.invalid("sourceUrl", "host " + host + " is not on the import allow-list (hallway.interop.allowed-hosts)");
        }
        return uri;
    }

    /** Where a redirect leads, if it may be followed: the same host and port, no step down to http, allowed. */
    URI redirect(URI from, String location) {
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw unreachable(from.toString(), "it redirected to a Location that is not a URL");
        }
        if (to.getHost() == null || !to.getHost().equalsIgnoreCase(from.getHost())) {
            throw Problem.invalid("sourceUrl", "redirects to another host (" + to.getHost() + "), which is not followed");
        }
        to = allowed(to.toString());
        if (from.getScheme().equalsIgnoreCase("https") && !to.getScheme().equalsIgnoreCase("https")) {
            throw Problem.invalid("sourceUrl", "redirects from https to http, which is not followed");
        }
        if (port(to) != port(from)) {
            throw Problem.invalid("sourceUrl", "redirects to another port (" + port(to) + "), which is not followed");
        }
        return to;
    }

    /** The host's addresses, looked up once; all must be public unless the host is on allowed-private-hosts. */
    private List<InetAddress> checkedAddresses(URI uri, long deadline) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<InetAddress> addresses = lookUp(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, uri, deadline);
        if (listed(config.allowedPrivateHosts().orElse(List.of()), host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            PublicAddresses.nonPublic(address).ifPresent(kind -> {
                throw Problem.invalid("sourceUrl", "host " + host + " resolves to a " + kind + " address ("
                        + address.getHostAddress() + "), which is not fetched unless the host is on "
                        + "hallway.interop.allowed-private-hosts");
            });
        }
        return addresses;
    }

    private List<InetAddress> lookUp(String host, URI uri, long deadline) {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.addresses(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, LOOKUPS);
        try {
            List<InetAddress> addresses = List.of(lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            if (addresses.isEmpty()) {
                throw unreachable(uri.toString(), "its host name has no address");
            }
            return addresses;
        } catch (TimeoutException e) {
            throw timeout(uri);
        } catch (ExecutionException e) {
            throw unreachable(uri.toString(), "its host name does not resolve");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(uri.toString(), "the fetch was interrupted");
        }
    }

    /** One GET, to the first checked address that takes the connection. */
    private PinnedHttpGet.Answer get(URI uri, List<InetAddress> addresses, long deadline) {
        long limit = config.maxDocumentSize().asLongValue();
        for (InetAddress address : addresses) {
            try {
                return PinnedHttpGet.get(uri, address, deadline, limit, tls);
            } catch (ConnectException | NoRouteToHostException e) {
                // refused or unreachable at once: the host's next address may answer
            } catch (SocketTimeoutException e) {
                throw timeout(uri);
            } catch (SSLException e) {
                throw unreachable(uri.toString(), "its TLS certificate or handshake was not accepted");
            } catch (ProtocolException e) {
                throw unreachable(uri.toString(), "it answered with " + e.getMessage());
            } catch (IOException e) {
                throw unreachable(uri.toString(), "the connection failed");
            }
        }
        throw unreachable(uri.toString(), "the connection failed");
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Whether a list of hosts names this one; "*.example.com" names its subdomains. */
    private static boolean listed(List<String> hosts, String host) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals(host) || h.startsWith("*.") && host.endsWith(h.substring(1)));
    }

    static Problem tooLarge(long limit) {
        return Problem.of(ProblemType.DOCUMENT_TOO_LARGE, "Import documents may be at most " + limit + " bytes.");
    }

    private Problem timeout(URI uri) {
        return Problem.of(ProblemType.SOURCE_TIMED_OUT, "Fetching " + uri + " took longer than "
                + config.fetchTimeout().toSeconds() + " s.");
    }

    private static Problem unreachable(String url, String why) {
        return Problem.of(ProblemType.SOURCE_UNAVAILABLE, "Could not fetch " + url + ": " + why + ".");
    }
}
