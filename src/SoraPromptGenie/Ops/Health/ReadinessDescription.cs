using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace SoraPromptGenie.Ops.Health;

/// <summary>
/// Puts the readiness endpoint in the OpenAPI document. It is served by the health-check middleware, not a route
/// handler, so the framework does not describe it: 200 when ready, 503 when a dependency is down, both with the checks.
/// </summary>
internal sealed class ReadinessDescription(EndpointDataSource endpoints) : IApiDescriptionProvider
{
    public const string EndpointName = "Readiness";

    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        var readiness = endpoints.Endpoints.OfType<RouteEndpoint>()
            .FirstOrDefault(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == EndpointName);
        if (readiness is null)
        {
            return;
        }

        var description = new ApiDescription
        {
            HttpMethod = HttpMethods.Get,
            RelativePath = readiness.RoutePattern.RawText?.Trim('/'),
            ActionDescriptor = new ActionDescriptor { DisplayName = readiness.DisplayName, EndpointMetadata = [.. readiness.Metadata] },
        };
        foreach (var status in new[] { StatusCodes.Status200OK, StatusCodes.Status503ServiceUnavailable })
        {
            description.SupportedResponseTypes.Add(new ApiResponseType
            {
                StatusCode = status,
                Type = typeof(ReadinessResponse),
                ApiResponseFormats = [new ApiResponseFormat { MediaType = "application/json" }],
            });
        }

        context.Results.Add(description);
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }
}
