package io.cdiconnections.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a pool and a database, for outage tests: {@link #cut()} closes every open
 * connection and refuses new ones, {@link #restore()} accepts again on the same port.
 */
final class TcpRelay implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final int port;

    TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = open(0);
        this.port = server.getLocalPort();
    }

    int port() {
        return port;
    }

    synchronized void cut() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = open(port);
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private ServerSocket open(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", onPort));
        Thread accept = new Thread(() -> acceptLoop(s), "relay-accept-" + onPort);
        accept.setDaemon(true);
        accept.start();
        return s;
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket db = new Socket("127.0.0.1", targetPort);
                sockets.add(client);
                sockets.add(db);
                pipe(client, db);
                pipe(db, client);
            } catch (IOException e) {
                return; // closed by cut()
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "relay-pipe");
        t.setDaemon(true);
        t.start();
    }
}
