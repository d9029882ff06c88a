<?xml version="1.0" encoding="UTF-8"?>
<!--
  Audio PIN job: the SetUser body for one row. Reads the row document
  (<row number=".."><user/><value/><cell name=".."/>…</row>); envelope.xsl puts it in the envelope
  with the caller's credentials, on each attempt.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

  <xsl:import href="envelope.xsl"/>

  <xsl:template match="/row">
    <bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">
      <webExId><xsl:value-of select="user"/></webExId>
      <phones>
        <PIN><xsl:value-of select="value"/></PIN>
      </phones>
    </bodyContent>
  </xsl:template>
</xsl:stylesheet>
