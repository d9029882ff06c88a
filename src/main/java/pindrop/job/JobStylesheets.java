package pindrop.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.RouteDefinition;

import net.sf.saxon.Configuration;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.streams.Steps;

import pindrop.check.RowDocument;

/**
 * Checks a job's stylesheet when its route is added, so a broken one stops pindrop at start (or a route reload)
 * with its file and line, rather than failing every row of the next file: the stylesheet must compile, and
 * for a sample row write a whole request (a stylesheet that forgot to import envelope.xsl writes a bare
 * {@code <bodyContent>}). The routes compile it again on first use (xslt-saxon, through toD).
 */
public final class JobStylesheets extends JobRouteAdded {

    static final Path FOLDER = Path.of("xslt");
    private static final QName MESSAGE = new QName("http://www.webex.com/schemas/2002/06/service", "message");
    /** XSLT's error code for a node no template rule matches, in a mode that fails on no match. */
    private static final String NO_TEMPLATE = "XTDE0555";

    private final Processor saxon;
    private final NodeInfo sampleRow;

    public JobStylesheets(Configuration stylesheets, RowDocument rowDocument) throws XMLStreamException, SaxonApiException {
        this.saxon = new Processor(stylesheets);
        this.sampleRow = rowDocument.of(2, "user@example.com", "3951", Map.of());
    }

    /** A job's dry run has the job's stylesheet, checked with the job. */
    @Override
    void jobAdded(RouteDefinition route, Map<String, Object> parameters) {
        if (parameters.get("stylesheet") == null) {
            return;
        }
        problem(FOLDER.resolve(parameters.get("stylesheet").toString())).ifPresent(problem -> {
            throw new RuntimeCamelException("job route " + route.getRouteId() + ": " + problem);
        });
    }

    /** Why the stylesheet cannot write a job's requests, as file:line: message when it does not compile. */
    public synchronized Optional<String> problem(Path stylesheet) {
        XsltCompiler compiler = saxon.newXsltCompiler();
        List<XmlProcessingError> errors = new ArrayList<>();
        compiler.setErrorList(errors);
        XsltExecutable executable;
        try {
            executable = compiler.compile(new StreamSource(stylesheet.toFile()));
        } catch (SaxonApiException e) {
            return Optional.of(errors.stream().filter(error -> !error.isWarning()).findFirst()
                    .map(error -> stylesheet + ":" + error.getLocation().getLineNumber() + ": " + error.getMessage())
                    .orElse(stylesheet + ": " + e.getMessage()));
        }
        XdmDestination request = new XdmDestination();
        try {
            executable.load30().transform(sampleRow, request);
        } catch (SaxonApiException e) {
            // no template for the row refuses every row (envelope.xsl makes that an error); any other refusal
            // may be on purpose, for rows like this one: each such row is an ERROR that says why
            return e.getErrorCode() != null && NO_TEMPLATE.equals(e.getErrorCode().getLocalName())
                    ? Optional.of(stylesheet + " has no template for the row (match=\"/row\")")
                    : Optional.empty();
        }
        XdmNode root = request.getXdmNode().select(Steps.child()).findFirst().orElse(null);
        if (root == null || !MESSAGE.equals(root.getNodeName())) {
            return Optional.of(stylesheet + " writes " + (root == null ? "nothing" : "<" + root.getNodeName() + ">")
                    + " for a row, not an XML API request: it must import envelope.xsl (README, Adding a route)");
        }
        return Optional.empty();
    }
}
