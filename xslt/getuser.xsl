<?xml version="1.0" encoding="UTF-8"?>
<!-- GetUser body for the row's user: an admin's check of its own id, or a dry run's "does this user exist". -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

  <xsl:import href="envelope.xsl"/>

  <xsl:template match="/row">
    <bodyContent xsi:type="java:com.webex.service.binding.user.GetUser">
      <webExId><xsl:value-of select="user"/></webExId>
    </bodyContent>
  </xsl:template>
</xsl:stylesheet>
