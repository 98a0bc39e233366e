/**
 * The CDI portable extension: {@link io.cdiconnections.internal.cdi.ConnectionExtension} finds every
 * {@code @Connection} injection point, checks it at deployment ({@code DeploymentCheck}) and adds one
 * synthetic bean per distinct request ({@code ConnectionBean}) whose instances come from the
 * deployment's registry ({@code io.cdiconnections.internal.registry}).
 */
package io.cdiconnections.internal.cdi;
