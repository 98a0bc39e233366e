package io.cdiconnections.it;

import java.io.File;
import java.util.Arrays;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the WARs the server suites deploy, the way users ship them: our jars and their
 * dependencies in {@code WEB-INF/lib}, the application's own secrets.toml at
 * {@code WEB-INF/classes/.streamlit/secrets.toml}.
 */
public final class Deployments {

    /** Where a WAR's own secrets.toml goes: the classpath resource {@code .streamlit/secrets.toml}. */
    public static final String SECRETS_RESOURCE = ".streamlit/secrets.toml";

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private Deployments() {
    }

    /**
     * A WAR with every library of {@code target/war-libs} (cdi-connections, its config source,
     * tomlj, HikariCP, Caffeine, the H2, PostgreSQL and MariaDB drivers) and an annotated-mode beans.xml.
     *
     * @param name the WAR's name, without {@code .war}; also its context root
     * @return the archive, to which the caller adds classes and a secrets.toml
     */
    public static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(libraries())
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /**
     * A {@link #war(String)} whose secrets.toml is the test resource {@code secrets/<secrets>}.
     *
     * @param name the WAR's name, without {@code .war}
     * @param secrets the file name under {@code it-src/resources/secrets/}
     * @return the archive
     */
    public static WebArchive war(String name, String secrets) {
        return war(name).addAsResource("secrets/" + secrets, SECRETS_RESOURCE);
    }

    /**
     * A WAR built elsewhere (the sample, the README's Quickstart) as a user ships it to the server
     * under test: unchanged on an application server; on Tomcat, which has no CDI, MicroProfile
     * Config or JAX-RS, with the libraries the Tomcat recipe adds (docs/servers/tomcat.md): every
     * jar of {@code target/war-libs} whose file name the WAR does not hold yet.
     *
     * @param war a WAR made for a Jakarta EE server
     * @return the same archive, with libraries added on Tomcat
     */
    public static WebArchive asShippedTo(WebArchive war) {
        if (!Servers.current().equals("tomcat")) {
            return war;
        }
        for (File jar : libraries()) {
            if (!war.contains("WEB-INF/lib/" + jar.getName())) {
                war.addAsLibrary(jar);
            }
        }
        return war;
    }

    /**
     * A WAR without the library that names a CDI type, on the server under test: unchanged on an
     * application server; on Tomcat, which has no CDI API, with the CDI API jar of
     * {@code target/war-libs} (and no CDI implementation, so the WAR still starts no container).
     *
     * @param war a WAR without CDI
     * @return the same archive, with the CDI API added on Tomcat
     */
    public static WebArchive withCdiApi(WebArchive war) {
        if (!Servers.current().equals("tomcat")) {
            return war;
        }
        for (File jar : libraries()) {
            if (jar.getName().startsWith("jakarta.enterprise.cdi-api-")) {
                return war.addAsLibrary(jar);
            }
        }
        throw new IllegalStateException("no jakarta.enterprise.cdi-api jar in " + System.getProperty("it.libs"));
    }

    private static File[] libraries() {
        File dir = new File(System.getProperty("it.libs", "target/war-libs"));
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No libraries in " + dir.getAbsolutePath()
                    + ": run the suite through Maven (process-test-classes copies them there)");
        }
        Arrays.sort(jars);
        return jars;
    }
}
