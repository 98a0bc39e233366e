package io.cdiconnections.it.redeploy.observer;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.cdiconnections.it.redeploy.app.LoaderTracker;

/**
 * A long-lived application that watches the others from inside the server's JVM.
 * <ul>
 * <li>{@code GET /threads}: the names of the JVM's live threads, one a line (the library's with
 * the first frame of their stack, which names the class loader);</li>
 * <li>{@code GET /gc?rounds=n}: runs {@code System.gc()} until every class loader the test
 * applications registered ({@link LoaderTracker}) is collected, at most {@code n} times, and
 * reports {@code tracked}, {@code alive}, {@code gcRounds} and the JVM's class counts;</li>
 * <li>{@code POST /deploy?name=n} (the WAR as body) and {@code POST /undeploy?name=n}: Payara
 * Micro's own deploy and undeploy ({@code PayaraMicroRuntime}), since its Arquillian adapter
 * starts a JVM per deployment.</li>
 * </ul>
 */
@WebServlet(urlPatterns = {"/threads", "/gc", "/deploy", "/undeploy"})
public class ObserverServlet extends HttpServlet {

    /** The library's threads get the first frame of their stack, which names its class loader. */
    private static final String LIBRARY = "cdi-connections";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        StringBuilder out = new StringBuilder();
        if (request.getServletPath().equals("/threads")) {
            pause(request.getParameter("pause"));
            TreeSet<String> names = new TreeSet<>();
            Thread.getAllStackTraces().forEach((t, stack) -> names.add(t.getName()
                    + (t.getName().startsWith(LIBRARY) ? ourFrame(stack) : "")));
            names.forEach(n -> out.append(n).append('\n'));
        } else {
            collect(Integer.parseInt(request.getParameter("rounds")), out);
        }
        response.getWriter().print(out);
    }

    /**
     * Lets a test keep every worker thread of the server busy at once, so that none keeps, in a
     * stale slot of its idle stack, the last request it served for an undeployed application
     * (WildFly's workers do; a heap dump showed it).
     */
    private static void pause(String millis) {
        if (millis != null) {
            try {
                Thread.sleep(Long.parseLong(millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String ourFrame(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            if (stack[i].getClassName().startsWith("io.cdiconnections.")) {
                return " at " + stack[i];
            }
        }
        return "";
    }

    private static void collect(int rounds, StringBuilder out) {
        Map<String, WeakReference<ClassLoader>> loaders = LoaderTracker.loaders();
        // JDK 17 keeps the receiver type of the last record whose equals it linked (a one-entry
        // cache in java.lang.runtime.ObjectMethods): let it be ours rather than an application's
        if (new Linked(1).equals(new Linked(2))) {
            throw new IllegalStateException();
        }
        int round = 0;
        while (alive(loaders) > 0 && round < rounds) {
            System.gc();
            round++;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        out.append("tracked=").append(loaders.size()).append('\n')
                .append("alive=").append(alive(loaders)).append('\n')
                .append("gcRounds=").append(round).append('\n')
                .append("loadedClasses=").append(classes.getLoadedClassCount()).append('\n')
                .append("unloadedClasses=").append(classes.getUnloadedClassCount()).append('\n');
        new java.util.TreeMap<>(loaders).forEach((key, ref) -> {
            ClassLoader alive = ref.get();
            if (alive != null) {
                // one line per loader: GlassFish's WebappClassLoader.toString() spans many
                String line = key + " held by " + Holders.of(alive);
                out.append("aliveLoader=").append(line.replaceAll("\\R+", " ")).append('\n');
            }
        });
        StringBuilder order = new StringBuilder();
        loaders.keySet().stream().sorted(java.util.Comparator.comparingLong(k -> Long.parseLong(k.substring(k.lastIndexOf('#') + 1))))
                .forEach(k -> order.append(loaders.get(k).get() == null ? '.' : 'X'));
        out.append("aliveInOrder=").append(order).append('\n');
    }

    /** A record of the observer, linked after the applications' records. */
    private record Linked(int value) {
    }

    private static long alive(Map<String, WeakReference<ClassLoader>> loaders) {
        return loaders.values().stream().filter(r -> r.get() != null).count();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String outcome;
        try {
            Object runtime = payaraMicroRuntime();
            if (request.getServletPath().equals("/deploy")) {
                Method deploy = runtime.getClass().getClassLoader().loadClass("fish.payara.micro.PayaraMicroRuntime")
                        .getMethod("deploy", String.class, String.class, InputStream.class);
                outcome = String.valueOf(deploy.invoke(runtime, name, name, request.getInputStream()));
            } else {
                runtime.getClass().getClassLoader().loadClass("fish.payara.micro.PayaraMicroRuntime")
                        .getMethod("undeploy", String.class).invoke(runtime, name);
                outcome = "true";
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            outcome = "false " + e;
        }
        response.setContentType("text/plain");
        response.getWriter().print(outcome);
    }

    private static Object payaraMicroRuntime() throws ReflectiveOperationException {
        Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
        Object instance = micro.getMethod("getInstance").invoke(null);
        return micro.getMethod("getRuntime").invoke(instance);
    }
}
