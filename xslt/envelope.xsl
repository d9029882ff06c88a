<?xml version="1.0" encoding="UTF-8"?>
<!--
  The XML API envelope around a call's <bodyContent>, with the caller's securityContext. Not used alone: each
  call's stylesheet (setuser-hostpin.xsl, getuser.xsl, …) imports it and writes the <bodyContent> for the row
  document in its template for /row, so a row becomes its whole request in one transformation.
  Site and credentials arrive as parameters (exchange variables), never from the spreadsheet.
  xmlns:xsi is declared on the root on purpose: a real server refuses a request without it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:serv="http://www.webex.com/schemas/2002/06/service"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

  <xsl:param name="site" select="''"/>
  <xsl:param name="callerId" select="''"/>
  <xsl:param name="callerPassword" select="''"/>
  <xsl:param name="callerToken" select="''"/>
  <!-- the account's session ticket (AuthenticateUser): sent instead of its password or token -->
  <xsl:param name="sessionTicket" select="''"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- no template for the row is an error (pindrop checks each job's stylesheet at start), never its text sent -->
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <serv:message>
      <header>
        <securityContext>
          <siteName><xsl:value-of select="$site"/></siteName>
          <webExID><xsl:value-of select="$callerId"/></webExID>
          <xsl:choose>
            <xsl:when test="string($sessionTicket)">
              <sessionTicket><xsl:value-of select="$sessionTicket"/></sessionTicket>
            </xsl:when>
            <xsl:when test="string($callerToken)">
              <webExAccessToken><xsl:value-of select="$callerToken"/></webExAccessToken>
            </xsl:when>
            <xsl:when test="string($callerPassword)">
              <password><xsl:value-of select="$callerPassword"/></password>
            </xsl:when>
            <!-- none: AuthenticateUser with an access token, which authenticate.xsl writes into the body -->
          </xsl:choose>
        </securityContext>
      </header>
      <body>
        <xsl:apply-templates select="row"/>
      </body>
    </serv:message>
  </xsl:template>
</xsl:stylesheet>
