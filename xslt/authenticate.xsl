<?xml version="1.0" encoding="UTF-8"?>
<!--
  AuthenticateUser for an admin account (its row document names its id): signs in once and gives a session
  ticket. A password account sends its password in the securityContext and an empty body; an OAuth account
  sends its access token in the body (parameter signInToken) and no secret in the securityContext.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

  <xsl:import href="envelope.xsl"/>

  <xsl:param name="signInToken" select="''"/>

  <xsl:template match="/row">
    <bodyContent xsi:type="java:com.webex.service.binding.user.AuthenticateUser">
      <xsl:if test="string($signInToken)">
        <accessToken><xsl:value-of select="$signInToken"/></accessToken>
      </xsl:if>
    </bodyContent>
  </xsl:template>
</xsl:stylesheet>
