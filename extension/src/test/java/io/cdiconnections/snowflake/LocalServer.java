package io.cdiconnections.snowflake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that the test controls, standing in for Snowflake: it either accepts and
 * closes each connection at once, or answers every request with HTTP 503. It serves at most
 * 200 connections and stops when closed.
 */
final class LocalServer implements AutoCloseable {

    enum Mode { ACCEPT_AND_CLOSE, HTTP_503 }

    private static final int MAX_CONNECTIONS = 200;

    private final ServerSocket socket;
    private final Mode mode;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;

    LocalServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "local-snowflake-stand-in");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return how many connections the driver made */
    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed() && connections.get() < MAX_CONNECTIONS) {
            try (Socket s = socket.accept()) {
                connections.incrementAndGet();
                if (mode == Mode.HTTP_503) {
                    s.setSoTimeout(2000);
                    readHeaders(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 11\r\nConnection: close\r\n\r\nunavailable").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // closed, or the client went away: serve the next one
            }
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int total = 0; total < 65536; total++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
