package io.cdiconnections.tck.tomcat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;

/**
 * A Java agent for the suite's Tomcat JVM: every RMI server socket without a factory of its own
 * listens on 127.0.0.1 only. The Arquillian adapter always sets
 * {@code com.sun.management.jmxremote.port}, and with it the JDK also starts its local JMX
 * connector on an ephemeral port: through {@code LocalRMIServerSocketFactory} (the default
 * {@code com.sun.management.jmxremote.local.only=true}) on all interfaces, refusing remote clients
 * only after accepting them. With {@code local.only=false} the connector takes RMI's default
 * socket factory, which this replaces before the JDK's management agent starts (an agent's
 * {@code premain} runs first). The remote connector the adapter reads servlets through is bound
 * by {@code com.sun.management.jmxremote.host=127.0.0.1}, and Tomcat's HTTP connector by
 * server.xml.
 */
public final class LoopbackRmi extends RMISocketFactory {

    private static final InetAddress LOOPBACK = loopback();

    private LoopbackRmi() {
    }

    /**
     * Installs the factory: {@code -javaagent:<this module's jar>}.
     *
     * @param args ignored
     * @throws IOException when RMI already has a socket factory
     */
    public static void premain(String args) throws IOException {
        RMISocketFactory.setSocketFactory(new LoopbackRmi());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return new Socket(host, port);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new ServerSocket(port, 0, LOOPBACK);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
