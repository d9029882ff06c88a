package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.xml.transform.Result;
import javax.xml.transform.stream.StreamResult;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.xslt.ResultHandler;
import org.apache.camel.component.xslt.ResultHandlerFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pindrop.job.RouteReload;

/**
 * The Camel 4.17 behaviour each of pindrop's workarounds exists for, pinned down. When a newer Camel changes one,
 * its test fails and says which workaround can go (and the test with it).
 */
class CamelWorkaroundsTest {

    /** pindrop.job.RouteReload: Camel's own route reload leaves a changed templatedRoute as it was. */
    @Test
    void camelsRouteReloadSkipsATemplatedRoute(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("job.camel.yaml");
        Files.writeString(file, job("before"));
        try (CamelContext context = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
            context.start();
            assertEquals("before", context.createProducerTemplate().requestBody("direct:job", "", String.class));

            Files.writeString(file, job("after"));
            PluginHelper.getRoutesLoader(context)
                    .updateRoutes(Set.of(ResourceHelper.resolveResource(context, "file:" + file)));

            assertEquals("after", context.createProducerTemplate().requestBody("direct:plain", "", String.class),
                    "the plain route beside it was reloaded");
            assertEquals("before", context.createProducerTemplate().requestBody("direct:job", "", String.class),
                    "Camel's route reload now updates a templatedRoute: pindrop.job.RouteReload can go (set "
                            + "camel.main.routes-reload-enabled instead of pindrop.routes.reload), and this test with it");
        }
    }

    private static String job(String answer) {
        return """
                - routeTemplate:
                    id: answer
                    parameters:
                      - name: text
                    route:
                      from:
                        uri: direct:job
                        steps:
                          - setBody:
                              constant: "{{text}}"
                - templatedRoute:
                    routeTemplateRef: answer
                    routeId: job
                    parameters:
                      - name: text
                        value: %s
                - route:
                    id: plain
                    from:
                      uri: direct:plain
                      steps:
                        - setBody:
                            constant: %s
                """.formatted(answer, answer);
    }

    /**
     * pindrop.webex.CallPermits: Camel's Throttle times a permit from the moment a call leaves it, so the next
     * call goes one period later even while the one before has no answer yet. A permit that Webex's count
     * needs is free a period after the answer.
     */
    @Test
    void camelsThrottleLetsTheNextCallGoWhileTheLastIsUnanswered() throws Exception {
        CountDownLatch secondLeft = new CountDownLatch(1);
        AtomicBoolean firstAnswered = new AtomicBoolean();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").throttle(1).timePeriodMillis(50).totalRequestsMode()
                            .process(exchange -> {
                                if (exchange.getIn().getBody(Integer.class) == 1) {
                                    // the first call's answer comes only once the second call has left, or never
                                    firstAnswered.set(secondLeft.await(5, TimeUnit.SECONDS));
                                } else {
                                    secondLeft.countDown();
                                }
                            });
                }
            });
            context.start();
            Future<Object> first = context.createProducerTemplate().asyncRequestBody("direct:call", 1);
            Future<Object> second = context.createProducerTemplate().asyncRequestBody("direct:call", 2);
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        }
        assertTrue(firstAnswered.get(), "Camel's Throttle now holds a call until the one before is answered: "
                + "pindrop.webex.CallPermits may give way to the Throttle EIP in webex-post, if its permits are free a "
                + "period after the answer (see CallPermits' javadoc)");
    }

    /**
     * The envelope route and RowDocument: camel-xslt-saxon applies its {@code output} option after a custom
     * {@code resultHandlerFactory}, which it silently replaces, so a stylesheet's result cannot be handed on as
     * a tree while also choosing the output.
     */
    @Test
    void xsltSaxonsOutputOptionReplacesACustomResultHandlerFactory(@TempDir Path folder) throws Exception {
        Path identity = folder.resolve("identity.xsl");
        Files.writeString(identity, """
                <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:mode on-no-match="shallow-copy"/>
                </xsl:stylesheet>
                """);
        AtomicBoolean factoryUsed = new AtomicBoolean();
        ResultHandlerFactory factory = exchange -> {
            factoryUsed.set(true);
            StreamResult result = new StreamResult(new ByteArrayOutputStream());
            return new ResultHandler() {
                @Override
                public Result getResult() {
                    return result;
                }

                @Override
                public void setBody(Message message) {
                    message.setBody("from the custom factory");
                }
            };
        };
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("customResult", factory);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:transform")
                            .to("xslt-saxon:file:" + identity + "?resultHandlerFactory=#customResult&output=bytes");
                }
            });
            context.start();
            Object body = context.createProducerTemplate().requestBody("direct:transform", "<a/>");

            assertFalse(factoryUsed.get(), "camel-xslt-saxon now keeps a custom resultHandlerFactory beside output: "
                    + "the envelope route may hand its result on as a tree (see README, Performance), and this test can go");
            assertTrue(body instanceof byte[], "output=bytes made the body: " + body.getClass());
            assertTrue(new String((byte[]) body, StandardCharsets.UTF_8).contains("<a/>"));
        }
    }
}
