package io.cdiconnections.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployer;

/**
 * The text a user sees when a deployment fails. WildFly puts the cause into the management
 * result that the adapter throws; Open Liberty's adapter only says that the application did not
 * start, and the cause is in the server's messages.log, which is where a Liberty user looks;
 * on Tomcat the manager answers only that the context failed to start, the cause is in
 * catalina.log; Payara Micro starts without the application and prints the cause on its console.
 */
public final class DeploymentErrors {

    /** What Payara prints when an application fails to load; Micro then runs without it. */
    static final String PAYARA_FAILED_APPLICATION = "Exception while loading the app";

    private DeploymentErrors() {
    }

    /**
     * Deploys what must fail to deploy, and returns what the user gets to read about it.
     *
     * @param deployer Arquillian's deployer
     * @param name     the name of an unmanaged {@code @Deployment}
     * @return the failure and the server log written while deploying
     * @throws AssertionError when the deployment succeeds
     */
    public static String failedDeployment(Deployer deployer, String name) {
        Mark mark = mark();
        String text;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            try {
                deployer.deploy(name);
                text = null;
            } catch (Exception failure) {
                // Arquillian's DeploymentException is checked, yet thrown through Deployer
                text = text(failure, mark);
            }
            if (text == null && console.text().contains(PAYARA_FAILED_APPLICATION)) {
                text = "--- server console ---\n" + console.text();
            }
        } finally {
            undeployQuietly(deployer, name);
        }
        if (text == null) {
            throw new AssertionError("deployment " + name + " succeeded, but must fail");
        }
        return text;
    }

    /** Where the server log stood before a deployment, so only what follows is read. */
    public record Mark(Path log, long offset) {
    }

    /** @return the current end of the server log, when the server has one we read */
    public static Mark mark() {
        Path log = Servers.current().equals("tomcat") ? ServerLog.current() : ServerLog.liberty();
        return new Mark(log, ServerLog.end(log));
    }

    /**
     * @param failure what the deployer threw
     * @param mark the log position taken before deploying
     * @return the failure with all its causes, then the server log written since {@code mark}
     */
    public static String text(Throwable failure, Mark mark) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out + "\n--- server log ---\n" + ServerLog.since(mark.log(), mark.offset());
    }

    /** Undeploys what may be half-deployed, ignoring that there may be nothing to undeploy. */
    public static void undeployQuietly(Deployer deployer, String name) {
        try {
            deployer.undeploy(name);
        } catch (Exception ignored) {
            // A failed deployment is usually rolled back already.
        }
    }
}
