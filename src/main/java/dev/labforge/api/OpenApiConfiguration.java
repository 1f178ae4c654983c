package dev.labforge.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description: bearer tokens everywhere, and the problem answers each operation can give. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Bean
    OpenAPI labforgeOpenApi() {
        Components components = new Components().addSecuritySchemes("token", new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A personal API token (lf_...); the first admin's is printed at first start. Where"
                        + " single sign-on is configured, also a token (JWT) from the OpenID Connect provider."));
        return new OpenAPI()
                .info(new Info().title("LabForge API").version("v1")
                        .description("Network labs on demand: define router labs, import and export containerlab"
                                + " topologies, and run them as KubeVirt VMs wired by Multus links.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/").description("this LabForge")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** The problem document's schema, and the problems each operation can answer with. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            // here, not in the OpenAPI bean: springdoc drops the bean's schemas that no controller names, and at that
            // point nothing refers to Problem yet, so the references added below pointed at nothing
            ResolvedSchema problem = ModelConverters.getInstance().resolveAsResolvedSchema(
                    new io.swagger.v3.core.converter.AnnotatedType(ProblemDocument.class));
            api.getComponents().addSchemas("Problem", problem.schema);
            problem.referencedSchemas.forEach(api.getComponents()::addSchemas);
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, op) -> addProblems(path, method.name(), op)));
        };
    }

    /** The problems an operation can answer with, derived from its shape. */
    private static void addProblems(String path, String method, Operation op) {
        boolean hasBody = op.getRequestBody() != null;
        boolean hasId = path.contains("{");
        boolean conditional = op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (op.getSecurity() == null || !op.getSecurity().isEmpty()) { // security: [] needs no token (a feed URL)
            add(op, "401", "No valid API token or single sign-on token");
        }
        if (hasBody) {
            add(op, "400", "The body cannot be read: malformed, wrong types, unknown fields");
            add(op, "413", "The body is too large");
            add(op, "415", "Unsupported Content-Type");
            add(op, "422", "The definition breaks rules; errors[] points at each field");
        }
        if (hasId) {
            add(op, "404", "No such resource, or not yours to see");
        }
        if (conditional) {
            add(op, "412", "If-Match names a version that is no longer current");
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            add(op, "409", "Conflicts with existing data");
        }
        if (op.getSummary() != null && op.getSummary().contains("admins only")) {
            add(op, "403", "Needs an administrator");
        }
    }

    private static void add(Operation op, String code, String description) {
        ApiResponses responses = op.getResponses();
        if (responses.containsKey(code)) {
            return;
        }
        Schema<?> ref = new Schema<>().$ref(PROBLEM_REF);
        responses.addApiResponse(code, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref))));
    }

}
