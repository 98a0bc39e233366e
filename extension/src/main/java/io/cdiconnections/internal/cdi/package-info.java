/**
 * The CDI portable extension: {@link io.cdiconnections.internal.cdi.ConnectionExtension} finds every
 * {@code @Connection} injection point, checks it at deployment ({@code DeploymentCheck}) and adds one
 * synthetic bean per distinct request ({@code ConnectionBean}) whose instances come from the
 * deployment's registry ({@code io.cdiconnections.internal.registry}). The CDI Lite extension
 * ({@code io.cdiconnections.internal.lite}) shares {@code DeploymentCheck}, {@code LookupBeans} and
 * the messages, and steps aside wherever this one runs.
 */
package io.cdiconnections.internal.cdi;
