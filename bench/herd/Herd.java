import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The herd after a release, as an open model: each attendee arrives at their own second of the refresh spread,
 * the second the notification's refreshWithin names (DeliveryMessages.refreshWithin, from their user id), whatever
 * the server's answers to the others, and does what the app does after the notification: the live document, the
 * schedule revalidated with the ETag held from before the release, one delta from the cursor held, and their
 * agenda. JDK only, run as a single-file program (Java 17):
 *
 *   java bench/herd/Herd.java BASE SLUG ATTENDEES SCHEDULE_ETAG LIVE_ETAG CURSOR WINDOW_S SPREAD_S [LIMIT]
 *
 * ATTENDEES: one "token user-id" a line; the spread is squeezed into WINDOW_S seconds; LIMIT takes the first ones
 * only. Prints per request kind: requests, errors, p50/p99/max in ms and the statuses, then the totals, and how late
 * arrivals started against their schedule (a late client would hide the server's latency).
 */
public class Herd {

    enum Kind { live, schedule, delta, agenda }

    record Attendee(String token, long userId) {
    }

    static final int ERRORS_SHOWN = 5;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String event = base + "/api/events/" + args[1];
        List<Attendee> attendees = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String[] fields = line.trim().split("\\s+");
            attendees.add(new Attendee(fields[0], Long.parseLong(fields[1])));
        }
        String scheduleEtag = args[3];
        String liveEtag = args[4];
        String cursor = URLEncoder.encode(args[5], StandardCharsets.UTF_8);
        double window = Double.parseDouble(args[6]);
        long spread = Long.parseLong(args[7]);
        if (args.length > 8) {
            attendees = attendees.subList(0, Math.min(attendees.size(), Integer.parseInt(args[8])));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int count = attendees.size();
        Map<Kind, long[]> latencies = new ConcurrentHashMap<>();
        Map<Kind, AtomicInteger> done = new ConcurrentHashMap<>();
        Map<Kind, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        for (Kind kind : Kind.values()) {
            latencies.put(kind, new long[count]);
            done.put(kind, new AtomicInteger());
            statuses.put(kind, new ConcurrentHashMap<>());
        }
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        long[] lateness = new long[count];
        AtomicInteger arrived = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();

        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        ExecutorService apps = Executors.newFixedThreadPool(256);
        CountDownLatch finished = new CountDownLatch(count);
        long start = System.nanoTime() + 200_000_000L;
        for (Attendee attendee : attendees) {
            long refreshWithin = 1 + Math.floorMod(Long.hashCode(attendee.userId() * 0x9E3779B97F4A7C15L), spread);
            double second = refreshWithin - 1 + ThreadLocalRandom.current().nextDouble();
            long due = start + (long) (second * window / spread * 1e9);
            arrivals.schedule(() -> apps.execute(() -> {
                lateness[arrived.getAndIncrement()] = System.nanoTime() - due;
                try {
                    for (Kind kind : Kind.values()) {
                        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30))
                                .header("Accept-Encoding", "gzip");
                        switch (kind) {
                            case live -> request.uri(URI.create(event + "/live")).header("If-None-Match", liveEtag);
                            case schedule -> request.uri(URI.create(event + "/schedule"))
                                    .header("If-None-Match", scheduleEtag);
                            case delta -> request.uri(URI.create(event + "/schedule/changes?since=" + cursor));
                            case agenda -> request.uri(URI.create(event + "/agenda"))
                                    .header("Authorization", "Bearer " + attendee.token());
                        }
                        long sent = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = 0;
                            if (errors.size() < ERRORS_SHOWN) {
                                errors.add(kind + ": " + e);
                            }
                        }
                        long end = System.nanoTime();
                        lastEnd.accumulateAndGet(end, Math::max);
                        latencies.get(kind)[done.get(kind).getAndIncrement()] = end - sent;
                        statuses.get(kind).computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status < 200 || status >= 400) {
                            failed.incrementAndGet();
                            if (status != 0 && errors.size() < ERRORS_SHOWN) {
                                errors.add(kind + ": status " + status);
                            }
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        finished.await();
        arrivals.shutdown();
        apps.shutdown();

        long[] all = new long[0];
        int requests = 0;
        for (Kind kind : Kind.values()) {
            long[] measured = Arrays.copyOf(latencies.get(kind), done.get(kind).get());
            all = concat(all, measured);
            requests += measured.length;
            int kindErrors = statuses.get(kind).entrySet().stream()
                    .filter(status -> status.getKey() < 200 || status.getKey() >= 400)
                    .mapToInt(status -> status.getValue().get()).sum();
            System.out.printf("kind %s requests %d errors %d p50 %.1f p99 %.1f max %.1f statuses %s%n", kind,
                    measured.length, kindErrors, percentile(measured, 50), percentile(measured, 99),
                    percentile(measured, 100), new TreeMap<>(statuses.get(kind)).entrySet().stream()
                            .map(status -> status.getKey() + ":" + status.getValue()).collect(Collectors.joining(",")));
        }
        double seconds = (lastEnd.get() - start) / 1e9;
        System.out.printf("kind all requests %d errors %d p50 %.1f p99 %.1f max %.1f%n", requests, failed.get(),
                percentile(all, 50), percentile(all, 99), percentile(all, 100));
        System.out.printf("rate %.0f seconds %.1f late_p99 %.1f late_max %.1f%n", requests / seconds, seconds,
                percentile(lateness, 99), percentile(lateness, 100));
        errors.forEach(error -> System.out.println("error " + error));
    }

    static long[] concat(long[] one, long[] other) {
        long[] both = Arrays.copyOf(one, one.length + other.length);
        System.arraycopy(other, 0, both, one.length, other.length);
        return both;
    }

    /** In milliseconds; p100 is the maximum. */
    static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
