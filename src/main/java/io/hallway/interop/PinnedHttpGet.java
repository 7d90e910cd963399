package io.hallway.interop;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET sent to an address that was looked up and checked beforehand.
 * <p>
 * Why not java.net.http.HttpClient: it looks the host name up again when it connects, after our check,
 * so a name with a short TTL could show our check a public address and the connection 127.0.0.1 (DNS
 * rebinding). It cannot be told which address to connect to: a URL with the address in it makes TLS check
 * the certificate against the address and send no SNI, and it refuses to set the Host header (restricted
 * unless the JVM-wide -Djdk.httpclient.allowRestrictedHeaders=host). So this opens the socket to the checked
 * address itself and speaks the part of HTTP/1.1 a GET of one document needs: TLS whose SNI and certificate
 * check use the URL's host name, Connection: close, bodies by Content-Length, chunked or until closed, and
 * no content codings. Anything else the source sends is refused as a {@link ProtocolException}.
 */
final class PinnedHttpGet {

    /** An answer; the body is read for a 200 only. Header names are lower case. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");

    /** Closes a socket when its fetch runs out of time, whatever it is waiting for (connect, TLS, a read). */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "source-fetch-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private PinnedHttpGet() {
    }

    /**
     * GETs {@code uri} from {@code address}. Throws {@link SocketTimeoutException} once {@code deadline} (a
     * {@link System#nanoTime()}) passes, and the 413 problem for a body over {@code limit} bytes.
     */
    static Answer get(URI uri, InetAddress address, long deadline, long limit, SSLSocketFactory tls) throws IOException {
        Socket socket = new Socket();
        ScheduledFuture<?> watchdog = DEADLINES.schedule(() -> closeQuietly(socket), left(deadline), TimeUnit.NANOSECONDS);
        Socket open = socket;
        try {
            int port = SourceFetcher.port(uri);
            socket.connect(new InetSocketAddress(address, port), millisLeft(deadline));
            socket.setSoTimeout(millisLeft(deadline));
            if (uri.getScheme().equalsIgnoreCase("https")) {
                open = tls(socket, uri.getHost(), port, tls);
            }
            OutputStream out = open.getOutputStream();
            out.write(request(uri).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(new BufferedInputStream(open.getInputStream()), limit);
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw new SocketTimeoutException("the time limit passed");
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            closeQuietly(open);
            closeQuietly(socket);
        }
    }

    /**
     * TLS over the connected socket, for the URL's host name: JSSE sends a DNS name given here as SNI, and
     * endpoint identification "HTTPS" (RFC 2818) checks the certificate against it, not against the address.
     */
    private static Socket tls(Socket socket, String host, int port, SSLSocketFactory factory) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, name, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static String request(URI uri) {
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String target = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        String host = ascii.getPort() == -1 ? ascii.getHost() : ascii.getHost() + ":" + ascii.getPort();
        return "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Accept: application/json\r\n"
                + "Accept-Encoding: identity\r\n"
                + "User-Agent: Hallway schedule import\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static Answer read(InputStream in, long limit) throws IOException {
        int status;
        Map<String, List<String>> headers;
        do { // 1xx answers (such as 103 Early Hints) come before the real one
            String line = line(in);
            Matcher matcher = STATUS_LINE.matcher(line);
            if (!matcher.matches()) {
                throw new ProtocolException("a status line that is not HTTP/1.x");
            }
            status = Integer.parseInt(matcher.group(1));
            headers = headers(in);
        } while (status >= 100 && status < 200);
        return new Answer(status, headers, status == 200 ? body(in, headers, limit) : null);
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0;; count++) {
            String line = line(in);
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (count == MAX_HEADERS || colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new ProtocolException("too many or malformed header lines");
            }
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers, long limit) throws IOException {
        String coding = String.join(",", headers.getOrDefault("content-encoding", List.of())).strip();
        if (!coding.isEmpty() && !coding.equalsIgnoreCase("identity")) {
            throw new ProtocolException("a Content-Encoding (" + coding + ") that was not asked for");
        }
        if (headers.containsKey("transfer-encoding")) { // RFC 9112 6.3: it overrides any Content-Length
            String transfer = String.join(",", headers.get("transfer-encoding")).strip();
            if (!transfer.equalsIgnoreCase("chunked")) {
                throw new ProtocolException("a Transfer-Encoding (" + transfer + ") that was not asked for");
            }
            return chunked(in, limit);
        }
        if (headers.containsKey("content-length")) {
            long length = contentLength(headers.get("content-length"));
            if (length > limit) {
                throw SourceFetcher.tooLarge(limit);
            }
            return exactly(in, length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) != -1;) {
            body.write(buffer, 0, read);
            if (body.size() > limit) {
                throw SourceFetcher.tooLarge(limit);
            }
        }
        return body.toByteArray();
    }

    private static long contentLength(List<String> values) throws ProtocolException {
        String first = values.get(0).strip();
        if (!first.matches("\\d{1,15}") || values.stream().anyMatch(value -> !value.strip().equals(first))) {
            throw new ProtocolException("a malformed Content-Length");
        }
        return Long.parseLong(first);
    }

    /** RFC 9112 7.1; chunk extensions and trailer fields are read and ignored. */
    private static byte[] chunked(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = line(in);
            int semicolon = line.indexOf(';');
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (!size.matches("[0-9a-fA-F]{1,15}")) {
                throw new ProtocolException("a malformed chunk size");
            }
            long length = Long.parseLong(size, 16);
            if (length == 0) {
                headers(in);
                return body.toByteArray();
            }
            if (body.size() + length > limit) {
                throw SourceFetcher.tooLarge(limit);
            }
            body.writeBytes(exactly(in, length));
            if (!line(in).isEmpty()) {
                throw new ProtocolException("a chunk longer than its size");
            }
        }
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new EOFException("the body ended early");
        }
        return bytes;
    }

    /** A line up to CRLF (or a bare LF), without it. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n';) {
            if (b == -1) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (line.size() == MAX_LINE) {
                throw new ProtocolException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static long left(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the time limit passed");
        }
        return left;
    }

    private static int millisLeft(long deadline) throws SocketTimeoutException {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left(deadline))));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to give up: nothing left to do with it
        }
    }
}
