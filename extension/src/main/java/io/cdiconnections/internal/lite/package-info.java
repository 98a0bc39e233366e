/**
 * The CDI Lite build-compatible extension, for containers without portable extensions (Quarkus's
 * ArC): {@link io.cdiconnections.internal.lite.ConnectionBuildExtension} finds every
 * {@code @Connection} injection point at build time, serves them all with {@code @Dependent}
 * lookup beans that ask the application's registry ({@code LiteRegistry}), and checks them at
 * startup with the runtime configuration ({@code StartupCheck}), in the words of the portable
 * extension ({@code io.cdiconnections.internal.cdi.DeploymentCheck}).
 */
package io.cdiconnections.internal.lite;
