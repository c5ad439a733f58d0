package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.testing.RollcallServerExtension;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.PathTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract and the server agree: every route Jersey serves (collected from the resource model
 * of the resources the server registers) is documented in openapi/rollcall.yaml with its method,
 * and every documented route is served. Path items marked {@code x-rollcall-planned: true} are
 * documented ahead of their implementation; they must not be served yet (remove the mark when
 * they are). HEAD and OPTIONS, which Jersey adds by itself, are not compared.
 */
class OpenApiRoutesTest {
    private static final String PLANNED = "x-rollcall-planned";
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().build();
    private static OpenAPI api;
    private static Set<String> served;
    private static List<String> locators;

    @BeforeAll
    static void collect() {
        api = new OpenAPIV3Parser().read(Path.of("openapi", "rollcall.yaml").toAbsolutePath().toUri().toString());
        assertThat(api).as("openapi/rollcall.yaml parses").isNotNull();
        ResourceConfig rc = RollcallServer.application(Config.fromEnvironment(Map.of()), server.services(),
                dev.rollcall.web.PublicUrl.of("http://127.0.0.1"));
        served = new TreeSet<>();
        locators = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>(rc.getClasses());
        rc.getInstances().forEach(o -> classes.add(o.getClass()));
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                walk(Resource.from(c), "");
            }
        }
    }

    private static void walk(Resource resource, String parent) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod m : resource.getResourceMethods()) {
            served.add(m.getHttpMethod().toUpperCase(Locale.ROOT) + " " + plain(path));
        }
        if (resource.getResourceLocator() != null) {
            locators.add(path);
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path);
        }
    }

    @Test
    void theServerServesRoutesAtAll() {
        assertThat(served).contains("GET /healthz", "GET /scim/v2/Users/{id}", "GET /api/v1/people");
    }

    @Test
    void everyServedRouteIsDocumented() {
        assertThat(documented(false)).containsAll(served);
    }

    @Test
    void everyDocumentedRouteIsServed() {
        Set<String> missing = new TreeSet<>(documented(false));
        missing.removeAll(served);
        missing.removeIf(OpenApiRoutesTest::coveredByLocator);
        assertThat(missing).as("documented but not served").isEmpty();
    }

    @Test
    void everySubResourceLocatorIsDocumented() {
        assertThat(locators).allSatisfy(locator -> assertThat(documented(false))
                .as(locator).anyMatch(route -> new PathTemplate(locator).match(route.substring(route.indexOf(' ') + 1),
                        new ArrayList<>())));
    }

    @Test
    void plannedRoutesAreNotServedYet() {
        Set<String> planned = documented(true);
        planned.retainAll(served);
        assertThat(planned).as("served routes still marked " + PLANNED + "; remove the mark").isEmpty();
    }

    private static boolean coveredByLocator(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return locators.stream().anyMatch(l -> new PathTemplate(l).match(path, new ArrayList<>()));
    }

    /** "METHOD /path" of every documented operation, of planned path items or of the others. */
    private static Set<String> documented(boolean planned) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            PathItem item = e.getValue();
            boolean isPlanned = item.getExtensions() != null && Boolean.TRUE.equals(item.getExtensions().get(PLANNED));
            if (isPlanned == planned) {
                item.readOperationsMap().keySet().forEach(m -> out.add(m.name() + " " + e.getKey()));
            }
        }
        return out;
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {name: regex} becomes {name}, as OpenAPI writes path parameters. */
    private static String plain(String template) {
        return template.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
