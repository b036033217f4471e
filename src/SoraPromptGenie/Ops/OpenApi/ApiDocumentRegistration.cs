using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoraPromptGenie.Ops.OpenApi;

/// <summary>The OpenAPI document served at <c>/openapi/v1.json</c> (and read by the reference at <c>/api-reference</c>).</summary>
public static class ApiDocumentRegistration
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, PipelineErrorDescriptions>());
        return services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            // The generator fills `servers` from the request's Host header, so any caller could make the document name
            // their host. Without `servers`, clients resolve paths against the address they fetched the document from,
            // which is right behind a proxy too.
            document.Servers = null;
            return Task.CompletedTask;
        }));
    }
}
