package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code rollcall serve} as operators run it: a child JVM that SIGTERM stops cleanly, with status 0. */
class SigtermExitTest {
    private static final Pattern LISTENING = Pattern.compile("Rollcall listening on http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aCleanSigtermStopExitsWithStatusZero() throws Exception {
        TestDatabases.TestDb db = TestDatabases.fresh();
        Path log = Files.createTempFile("rollcall-serve", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                Main.class.getName(), "serve").redirectError(log.toFile());
        pb.environment().put("ROLLCALL_DB_URL", db.url());
        pb.environment().put("ROLLCALL_DB_USER", db.user());
        pb.environment().put("ROLLCALL_DB_PASSWORD", db.password());
        pb.environment().put("ROLLCALL_DB_POOL_SIZE", "2");
        pb.environment().put("ROLLCALL_MASTER_KEY", dev.rollcall.testing.RollcallTestServer.TEST_MASTER_KEY);
        pb.environment().put("ROLLCALL_HTTP_HOST", "127.0.0.1");
        pb.environment().put("ROLLCALL_HTTP_PORT", "0");
        pb.environment().put("ROLLCALL_DATA_DIR", new File("target", "sigterm-data").getAbsolutePath());
        Process serve = pb.start();
        try {
            int port = awaitListening(serve).get(90, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            assertThat(serve.exitValue()).as(Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("Rollcall stopped");
        } finally {
            serve.destroyForcibly();
            Files.deleteIfExists(log);
            TestDatabases.drop(db);
        }
    }

    /** The port from the line serve prints on stdout once it listens; stdout is drained to its end. */
    private static CompletableFuture<Integer> awaitListening(Process serve) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (java.io.IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("serve ended before it listened"));
        }, "serve-stdout");
        reader.setDaemon(true);
        reader.start();
        return port;
    }
}
