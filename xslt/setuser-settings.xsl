<?xml version="1.0" encoding="UTF-8"?>
<!--
  A job with a mapping (user-settings): the SetUser body for one row. Reads the row document, whose
  <setting element="personalTeleconf/joinBeforeHost">true</setting> elements are the row's non-blank settings
  as its mapping file names them, in the mapping's order. Blank cells have no <setting>, so SetUser leaves them
  unchanged. envelope.xsl puts it in the envelope with the caller's credentials, on each attempt.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="xs">

  <xsl:import href="envelope.xsl"/>

  <xsl:template match="/row">
    <bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">
      <webExId><xsl:value-of select="user"/></webExId>
      <xsl:call-template name="elements">
        <xsl:with-param name="settings" select="setting"/>
        <xsl:with-param name="depth" select="1"/>
      </xsl:call-template>
    </bodyContent>
  </xsl:template>

  <!-- Settings whose paths share their first depth - 1 steps: an element per next step, a parent once -->
  <xsl:template name="elements">
    <xsl:param name="settings" as="element(setting)*"/>
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:for-each-group select="$settings" group-by="tokenize(@element, '/')[$depth]">
      <xsl:element name="{current-grouping-key()}">
        <xsl:choose>
          <xsl:when test="count(tokenize(@element, '/')) = $depth">
            <xsl:value-of select="."/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="elements">
              <xsl:with-param name="settings" select="current-group()"/>
              <xsl:with-param name="depth" select="$depth + 1"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:element>
    </xsl:for-each-group>
  </xsl:template>
</xsl:stylesheet>
