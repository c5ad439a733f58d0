// Delivery benchmark driver (not a test), run by bench/delivery.sh with the JDK's source launcher:
//   java bench/DeliveryBench.java BASE_URL ADMIN_TOKEN SOURCE_TOKEN CHANGES RATE SUBSCRIPTIONS TIMEOUT_S
// Starts a loopback receiver on 127.0.0.1 that checks every Standard Webhooks signature (HMAC-SHA256),
// subscribes it SUBSCRIPTIONS times to every event type, pushes CHANGES SCIM creates at about RATE per
// second, waits (at most TIMEOUT_S) until every owed delivery arrived, and prints one RESULT line.
// BENCH_REPLAY=N: then replays every delivered delivery N times (the dispatcher alone, on a backlog) and adds replay_*
// figures per round (replay2_* and so on for the later rounds: the JIT has compiled the dispatcher by then).
// BENCH_SERVER_PID / BENCH_DB_PID (set by delivery.sh): the replay phase's CPU ms per delivery of the server, MariaDB and
// this process (then only the receiver runs here) are read from /proc/<pid>/stat at the phase's start and end.
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class DeliveryBench {
    static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    static final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    // per path an HMAC keyed once; each request verifies on a clone (no provider lookup or key schedule per request)
    static final Map<String, Mac> keyed = new ConcurrentHashMap<>();
    static final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    static final List<String> subscriptionIds = new ArrayList<>();
    static final List<Long> lagMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong received = new AtomicLong(), badSignatures = new AtomicLong(), duplicates = new AtomicLong();
    static volatile long firstAt, lastAt;
    // BENCH_REPLAY=1: phase 2 replays every delivered delivery at once (the dispatcher alone, a backlog; no SCIM load)
    static volatile int phase = 1;
    static volatile long replayStartMicros;
    static final List<Long> replayLagMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong replayed = new AtomicLong();
    static volatile long replayFirstAt, replayLastAt;

    public static void main(String[] a) {
        try {
            run(a);
        } catch (Exception e) {
            // the receiver's threads would keep this process alive: end it with the failure
            e.printStackTrace();
            System.exit(4);
        }
    }

    static void run(String[] a) throws Exception {
        String base = a[0], admin = a[1], source = a[2];
        int changes = Integer.parseInt(a[3]), rate = Integer.parseInt(a[4]), subs = Integer.parseInt(a[5]);
        long timeoutS = Long.parseLong(a[6]);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            long now = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
            String path = ex.getRequestURI().getPath();
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            if (!verified(path, id, ts, body, sig)) {
                badSignatures.incrementAndGet();
            } else if (seen.putIfAbsent(phase + " " + path + " " + id, true) != null) {
                duplicates.incrementAndGet();
            } else if (phase >= 2) {
                replayLagMicros.add(now - replayStartMicros);
                long c = replayed.incrementAndGet();
                long ms = System.currentTimeMillis();
                if (c == 1) {
                    replayFirstAt = ms;
                }
                replayLastAt = ms;
            } else {
                Matcher m = TIMESTAMP.matcher(new String(body, StandardCharsets.UTF_8));
                if (m.find()) {
                    Instant changed = Instant.parse(m.group(1));
                    lagMicros.add(now - (changed.getEpochSecond() * 1_000_000 + changed.getNano() / 1000));
                }
                long c = received.incrementAndGet();
                long ms = System.currentTimeMillis();
                if (c == 1) {
                    firstAt = ms;
                }
                lastAt = ms;
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < subs; i++) {
            String path = "/hook/" + i;
            String body = "{\"name\":\"bench-" + i + "\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + path
                    + "\",\"eventTypes\":[\"*\"]}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"secret\":\"whsec_([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("subscribe: " + r.statusCode() + " " + r.body());
            }
            secrets.put(path, Base64.getDecoder().decode(m.group(1)));
            Matcher idm = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(r.body());
            if (idm.find()) {
                subscriptionIds.add(idm.group(1));
            }
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.err.println("pushing " + changes + " changes");
        ExecutorService pushers = Executors.newFixedThreadPool(8);
        AtomicLong pushErrors = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < changes; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String key = run + "." + i;
            String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bench." + key
                    + "@example.com\",\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User " + key + "\"},\"active\":true}";
            pushers.submit(() -> {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/scim/v2/Users"))
                            .header("Authorization", "Bearer " + source).header("Content-Type", "application/scim+json")
                            .POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 201) {
                        pushErrors.incrementAndGet();
                    }
                } catch (Exception e) {
                    pushErrors.incrementAndGet();
                }
            });
        }
        pushers.shutdown();
        pushers.awaitTermination(timeoutS, TimeUnit.SECONDS);
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        long owed = (changes - pushErrors.get()) * 2L * subs; // person.created + account.created per new person
        long deadline = System.nanoTime() + timeoutS * 1_000_000_000L;
        while (received.get() < owed && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String replayResult = "";
        int rounds = replayRounds();
        long replayedTotal = 0;
        for (int round = 1; round <= rounds && received.get() >= owed; round++) {
            long[] cpu0 = cpuTicks();
            replayed.set(0);
            replayLagMicros.clear();
            phase = 1 + round;
            replayStartMicros = System.currentTimeMillis() * 1000;
            for (String sub : subscriptionIds) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/subscriptions/" + sub + "/replay"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"delivered\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("replay: " + r.statusCode() + " " + r.body());
                }
            }
            long replayDeadline = System.nanoTime() + timeoutS * 1_000_000_000L;
            while (replayed.get() < owed && System.nanoTime() < replayDeadline) {
                Thread.sleep(50);
            }
            List<Long> rl;
            synchronized (replayLagMicros) {
                rl = new ArrayList<>(replayLagMicros);
            }
            java.util.Collections.sort(rl);
            long[] cpu1 = cpuTicks();
            double perDelivery = 1000.0 / TICKS_PER_S / Math.max(1, replayed.get());
            // the first round also pays for the JIT compiling the dispatcher's paths; later rounds are the sustained rate
            String suffix = round == 1 ? "" : Integer.toString(round);
            replayResult += String.format(" replay%s_deliveries_per_s=%.0f replay%s_done_p50_ms=%.1f replay%s_done_p99_ms=%.1f"
                            + " replay%s_server_cpu_ms_per_delivery=%.3f replay%s_mariadb_cpu_ms_per_delivery=%.3f"
                            + " replay%s_receiver_cpu_ms_per_delivery=%.3f",
                    suffix, replayed.get() / (Math.max(1, replayLastAt - replayStartMicros / 1000) / 1000.0),
                    suffix, pct(rl, 0.50), suffix, pct(rl, 0.99), suffix, (cpu1[0] - cpu0[0]) * perDelivery,
                    suffix, (cpu1[1] - cpu0[1]) * perDelivery, suffix, (cpu1[2] - cpu0[2]) * perDelivery);
            replayedTotal += replayed.get();
            if (replayed.get() < owed) {
                break;
            }
        }
        if (rounds > 0) {
            replayResult = " replayed=" + replayedTotal + replayResult;
        }
        receiver.stop(0);
        List<Long> lags;
        synchronized (lagMicros) {
            lags = new ArrayList<>(lagMicros);
        }
        java.util.Collections.sort(lags);
        double span = Math.max(1, lastAt - firstAt) / 1000.0;
        System.out.printf("RESULT changes=%d push_errors=%d changes_per_s=%.0f owed=%d delivered=%d bad_signatures=%d"
                        + " duplicates=%d deliveries_per_s=%.0f lag_p50_ms=%.1f lag_p99_ms=%.1f lag_max_ms=%.1f%s%n",
                changes, pushErrors.get(), changes / pushSeconds, owed, received.get(), badSignatures.get(), duplicates.get(),
                received.get() / span, pct(lags, 0.50), pct(lags, 0.99), pct(lags, 1.0), replayResult);
        System.exit(received.get() >= owed ? 0 : 3);
    }

    /** BENCH_REPLAY: how many times every delivered delivery is replayed (0 when unset; "1" is one round). */
    static int replayRounds() {
        String v = System.getenv("BENCH_REPLAY");
        return v == null || v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat (100 on Linux). */
    static final int TICKS_PER_S = 100;

    /** utime + stime of the server, MariaDB and this process (0 where the pid is not known). */
    static long[] cpuTicks() {
        return new long[] {ticks(System.getenv("BENCH_SERVER_PID")), ticks(System.getenv("BENCH_DB_PID")),
                ticks(Long.toString(ProcessHandle.current().pid()))};
    }

    static long ticks(String pid) {
        if (pid == null || pid.isEmpty()) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat, counted after the name
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(i) / 1000.0;
    }

    static boolean verified(String path, String id, String ts, byte[] body, String signature) {
        byte[] key = secrets.get(path);
        if (key == null || id == null || ts == null || signature == null) {
            return false;
        }
        try {
            Mac mac = (Mac) keyed.computeIfAbsent(path, p -> {
                try {
                    Mac m = Mac.getInstance("HmacSHA256");
                    m.init(new SecretKeySpec(key, "HmacSHA256"));
                    return m;
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }).clone();
            mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
            for (String s : signature.split(" ")) {
                if (java.security.MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
