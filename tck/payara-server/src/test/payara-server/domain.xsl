<?xml version="1.0" encoding="UTF-8"?>
<!--
  Prepares Payara Server's domain1 for the server suite: the build applies this to the
  distribution's own domain.xml (a pristine copy) before the adapter runs `asadmin start-domain`,
  so the server boots already configured and nothing is changed on a running server.

  Each change is what an asadmin command writes on a running server (checked by running them
  against this distribution and reading the domain.xml it saved); all on server-config, the DAS's
  configuration (default-config is only the template of new instances). The commands, with their
  double-dash options written here as (option=value) because an XML comment cannot hold two dashes:
    set-hazelcast-configuration (enabled=false)      hazelcast-config-specific-configuration/@enabled
    set-config-cache (duration=0)                    microprofile-config/@cache-duration-seconds
    set configs.config.server-config.network-config.network-listeners.network-listener.NAME.address=127.0.0.1
    set configs.config.server-config.iiop-service.iiop-listener.ID.address=127.0.0.1
    set configs.config.server-config.admin-service.jmx-connector.system.enabled=false
    set configs.config.server-config.jms-service.type=DISABLED
    create-jvm-options for -Xmx512m, -Dconnections.sql.password=... and -Dsecrets.files=...

  Idempotent, and replaces rather than adds the suite's own JVM options, so applying it again
  (a build without clean) gives the same file.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <!-- The value the suite expects connections.sql.password to have on the server. -->
  <xsl:param name="password"/>
  <!-- The secrets.files the server reads besides the WARs' own (OnDiskSecretsIT, HealthIT). -->
  <xsl:param name="secretsFiles"/>

  <xsl:variable name="das" select="/domain/configs/config[@name = 'server-config']"/>

  <xsl:template match="@* | node()">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not($das)">
      <xsl:message terminate="yes">domain.xml has no config named server-config: not a Payara Server domain</xsl:message>
    </xsl:if>
    <xsl:if test="string($password) = '' or string($secretsFiles) = ''">
      <xsl:message terminate="yes">domain.xsl needs the parameters password and secretsFiles</xsl:message>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Clustering off: no Hazelcast member starts, so nothing is sent or listened for. -->
  <xsl:template match="config[@name = 'server-config']/hazelcast-config-specific-configuration">
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'enabled']"/>
      <xsl:attribute name="enabled">false</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- Loopback only: HTTP (8080), HTTPS (8181), admin (4848) and the ORB's listeners. -->
  <xsl:template match="config[@name = 'server-config']/network-config/network-listeners/network-listener
                       | config[@name = 'server-config']/iiop-service/iiop-listener">
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'address']"/>
      <xsl:attribute name="address">127.0.0.1</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The JMX connector (8686) is not needed: the adapter administers over REST on 4848. -->
  <xsl:template match="config[@name = 'server-config']/admin-service/jmx-connector">
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'enabled']"/>
      <xsl:attribute name="enabled">false</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!--
    The embedded OpenMQ broker listens on every interface (7676); nothing here uses JMS. The
    distribution's server-config has no jms-service (Payara adds an EMBEDDED one at first boot):
    the template for server-config below adds one in the shape Payara writes, but DISABLED.
  -->
  <xsl:template match="config[@name = 'server-config']/jms-service">
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'type']"/>
      <xsl:attribute name="type">DISABLED</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!--
    Payara's MicroProfile Config caches each value for 60 s; 0 lets OnDiskSecretsIT see an edit
    of a secrets file at once. The distribution has no microprofile-config element, and no
    jms-service in server-config: add them.
  -->
  <xsl:template match="config[@name = 'server-config']">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()"/>
      <xsl:if test="not(microprofile-config)">
        <microprofile-config cache-duration-seconds="0"/>
      </xsl:if>
      <xsl:if test="not(jms-service)">
        <jms-service type="DISABLED" default-jms-host="default_JMS_host">
          <jms-host name="default_JMS_host" host="localhost" port="${{JMS_PROVIDER_PORT}}"/>
        </jms-service>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="config[@name = 'server-config']/microprofile-config">
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'cache-duration-seconds']"/>
      <xsl:attribute name="cache-duration-seconds">0</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The suite's JVM options, replacing any earlier value of the same option. -->
  <xsl:template match="config[@name = 'server-config']/java-config">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:apply-templates select="node()[not(self::jvm-options and (starts-with(., '-Xmx')
                                   or starts-with(., '-Dconnections.sql.password=')
                                   or starts-with(., '-Dsecrets.files=')))]"/>
      <jvm-options>-Xmx512m</jvm-options>
      <jvm-options>-Dconnections.sql.password=<xsl:value-of select="$password"/></jvm-options>
      <jvm-options>-Dsecrets.files=<xsl:value-of select="$secretsFiles"/></jvm-options>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
