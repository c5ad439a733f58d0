package dev.rollcall.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the master key comes from: ROLLCALL_MASTER_KEY; else, on the embedded database, a key made
 * once into {@code master.key} in the data directory (beside the data it protects). With an external
 * database there is no such place, so serving without the variable is refused.
 */
final class MasterKeys {
    static final String FILE = "master.key";

    private MasterKeys() {
    }

    /** The key, or empty with an external database and no variable (serving then refuses to start). */
    static Optional<byte[]> resolve(Config config, SecureRandom random) {
        if (config.delivery().masterKey().isPresent()) {
            return config.delivery().masterKey();
        }
        if (config.dbUrl().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(embedded(config.dataDir().resolve(FILE), random));
    }

    static ConfigException missing() {
        return new ConfigException("ROLLCALL_MASTER_KEY is required with an external database (ROLLCALL_DB_URL):"
                + " base64 of 32 random bytes, e.g. from `openssl rand -base64 32`; it seals the webhook signing secrets");
    }

    private static byte[] embedded(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                return DeliverySettings.masterKey(Files.readString(file)).orElseThrow(() -> new ConfigException(file + " is empty"));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own protection applies
            }
            return key;
        } catch (IOException e) {
            throw new ConfigException("cannot read or create the master key " + file + ": " + e.getMessage(), e);
        }
    }
}
