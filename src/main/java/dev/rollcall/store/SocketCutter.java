package dev.rollcall.store;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Closes the TCP socket under a MariaDB connection, which fails a read blocked on it at once.
 * Connector/J's own {@code abort} cannot do that against a frozen server: it first sends KILL over a
 * new connection, then reads from the old socket, and that read waits for the blocked one (the JDK
 * allows one reader per socket). The socket sits in a private field of Connector/J 3.5's client;
 * where it cannot be found, the driver's abort is the fallback. DatabaseOutageTest pins this.
 */
final class SocketCutter {
    private final Field socketField = find();

    void cut(Connection pooled) {
        try {
            org.mariadb.jdbc.Connection connection = pooled.unwrap(org.mariadb.jdbc.Connection.class);
            Optional<Socket> socket = socketOf(connection);
            if (socket.isPresent()) {
                socket.get().close();
            } else {
                connection.abort(Runnable::run);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            // the connection is broken either way: its caller is failing already
        }
    }

    private Optional<Socket> socketOf(org.mariadb.jdbc.Connection connection) {
        if (socketField == null || !socketField.getDeclaringClass().isInstance(connection.getClient())) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Socket) socketField.get(connection.getClient()));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    private static Field find() {
        try {
            Field f = org.mariadb.jdbc.client.impl.StandardClient.class.getDeclaredField("socket");
            f.setAccessible(true);
            return Socket.class.isAssignableFrom(f.getType()) ? f : null;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
