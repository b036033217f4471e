using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Prompting;

/// <summary><c>GET /api/catalog</c>: the catalog, serialized once, served with an ETag so clients revalidate for free.</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder api)
    {
        api.MapGet("/catalog", GetCatalog)
            .WithTags("Catalog").WithName("GetCatalog")
            .WithSummary("Categories, groups, presets and starter prompts.")
            .Produces<CatalogResponse>().Produces(StatusCodes.Status304NotModified);
        return api;
    }

    private static IResult GetCatalog(HttpContext context, CatalogDocument document)
    {
        context.Response.Headers.ETag = document.ETag;
        context.Response.Headers.CacheControl = "public, max-age=300";
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(document.ETag, StringComparison.Ordinal))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(document.Json, "application/json; charset=utf-8");
    }
}

public sealed record CatalogResponse(
    IReadOnlyList<CategoryGroup> Groups,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<Preset> Presets,
    IReadOnlyList<StarterPrompt> Starters);

/// <summary>The serialized catalog and its entity tag, computed once at start-up.</summary>
public sealed class CatalogDocument
{
    public CatalogDocument(PromptCatalog catalog)
    {
        var response = new CatalogResponse(catalog.Groups, catalog.Categories, catalog.Presets, catalog.Starters);
        Json = JsonSerializer.SerializeToUtf8Bytes(response, JsonSerializerOptions.Web);
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Json))[..16]}\"").ToString();
    }

    public byte[] Json { get; }

    public string ETag { get; }
}
