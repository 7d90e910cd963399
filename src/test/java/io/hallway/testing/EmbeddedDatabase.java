package io.hallway.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Stops and starts the embedded PostgreSQL the tests run on, with the signals {@code pg_ctl} sends (which
 * refuses to run as root, as CI does) and its postmaster binary: found from the server itself (its data directory, the binary of its postmaster, the options it was started
 * with), so the server comes back on the same port with the same data.
 */
public final class EmbeddedDatabase {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final Path dataDirectory;
    private final Path postgres;
    private final List<String> startOptions;

    private EmbeddedDatabase(Path dataDirectory, Path postgres, List<String> startOptions) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.startOptions = startOptions;
    }

    /** The server behind the data source, when it is the embedded one this JVM started (not an external server). */
    public static boolean inUse() {
        return System.getProperty("hallway.embedded-postgres.jdbc-url") != null;
    }

    public static EmbeddedDatabase behind(DataSource dataSource) throws SQLException, IOException {
        Path dataDirectory;
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("show data_directory")) {
            row.next();
            dataDirectory = Path.of(row.getString(1));
        }
        String postmasterPid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
        Path postgres = Files.readSymbolicLink(Path.of("/proc", postmasterPid, "exe"));
        // postmaster.opts: the binary, then each argument in double quotes; -D is added again on start.
        String opts = Files.readString(dataDirectory.resolve("postmaster.opts")).trim();
        List<String> arguments = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(opts);
        while (quoted.find()) {
            arguments.add(quoted.group(1));
        }
        int dataFlag = arguments.indexOf("-D");
        if (dataFlag >= 0) {
            arguments.subList(dataFlag, dataFlag + 2).clear();
        }
        return new EmbeddedDatabase(dataDirectory, postgres, arguments);
    }

    /** Kills the server without a checkpoint, as a crash or {@code pg_ctlcluster stop -m immediate} would. */
    public void crash() throws IOException, InterruptedException {
        stop("QUIT");
    }

    /** A fast shutdown: connections are ended, everything is written out. */
    public void stopCleanly() throws IOException, InterruptedException {
        stop("INT");
    }

    /** Starts the server with the options it had, each {@code name=value} in {@code settings} replacing its own. */
    public void start(String... settings) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(startOptions);
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            options.replaceAll(option -> option.startsWith(name) ? setting : option);
            if (!options.contains(setting)) {
                options.addAll(List.of("-c", setting));
            }
        }
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; in a user namespace of its own it is not (as the embedded server does).
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(postgres.toString(), "-D", dataDirectory.toString()));
        line.addAll(options);
        File log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toFile();
        Process server = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        // The JVM's exit must not leave a server behind: the embedded server's own hook knows only the first one.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> signal(server.pid(), "QUIT")));
        Instant giveUp = Instant.now().plusSeconds(60);
        while (!ready()) {
            if (!server.isAlive() || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("PostgreSQL did not start again; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** The postmaster writes "ready" into the last line of its pid file once it accepts connections. */
    private boolean ready() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() >= 8 && lines.get(7).trim().equals("ready");
    }

    private void stop(String signal) throws IOException, InterruptedException {
        try {
            awaitExit(signal);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not stop on SIG" + signal, e);
        }
    }

    private void awaitExit(String signal) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        signal(pid, signal);
        postmaster.onExit().get(60, TimeUnit.SECONDS);
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
