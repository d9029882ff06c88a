package pindrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pindrop.simulator.WebexSimulator;

/** The status server serves each job's template at /templates/JOB.xlsx (and .csv), and the status page links them. */
class TemplateDownloadTest {

    @TempDir
    Path root;

    @Test
    void theStatusPageLinksEachJobsTemplateWhichTheServerServes() throws Exception {
        StatusClient status = StatusClient.onFreePort();
        try (WebexSimulator simulator = WebexSimulator.builder().site(RunningPindrop.SITE)
                .admin("admin1@acme.com", "admin1-secret").build().start();
                RunningPindrop pindrop = RunningPindrop.against(simulator, root, status.properties())) {
            String page = status.get("/status").body();
            for (String job : List.of("hostpin", "audio-pin", "user-settings")) {
                assertTrue(page.contains("href=\"templates/" + job + ".xlsx\""), job + " linked; " + page);
            }
            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(status.uri("/templates/audio-pin.xlsx")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, xlsx.statusCode());
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                List<String> header = new ArrayList<>();
                for (Cell cell : workbook.getFirstSheet().read().get(0)) {
                    header.add(cell.getRawValue());
                }
                assertEquals(List.of("webExId", "PIN"), header);
            }
            assertEquals("webExId,hostPIN", status.get("/templates/hostpin.csv").body().strip());
            HttpResponse<String> missing = status.get("/templates/nojob.xlsx");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("the jobs are audio-pin, hostpin"), missing.body());
        }
    }
}
