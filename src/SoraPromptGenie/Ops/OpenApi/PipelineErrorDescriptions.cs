using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using SoraPromptGenie.Ops.Errors;
using SoraPromptGenie.Ops.RateLimiting;

namespace SoraPromptGenie.Ops.OpenApi;

/// <summary>
/// Writes the error responses of each described endpoint: the ones it declares (<see cref="ApiErrorResponses"/>) and
/// the ones the /api pipeline answers around its handler, derived from what the pipeline really does rather than
/// declared per endpoint: reading a JSON body (400 <c>invalid_json</c>, or <c>validation_failed</c> for a value of the
/// wrong type; 413 over the body limit; 415 without <c>application/json</c>) and the rate limiter (429). One response
/// per status, its description naming every code it can carry.
/// </summary>
internal sealed class PipelineErrorDescriptions : IApiDescriptionProvider
{
    /// <summary>After the framework's provider for minimal APIs (-1100) has described the endpoints.</summary>
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            var errors = description.ActionDescriptor.EndpointMetadata.OfType<ApiErrorResponseMetadata>()
                .ToDictionary(m => m.StatusCode, m => new ApiErrorResponseMetadata(m.StatusCode, m.Codes));
            foreach (var (status, codes) in PipelineErrors(description))
            {
                if (errors.TryGetValue(status, out var declared))
                {
                    declared.Add(codes);
                }
                else
                {
                    errors[status] = new ApiErrorResponseMetadata(status, codes);
                }
            }

            Describe(description, errors.Values);
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private static IEnumerable<(int Status, string[] Codes)> PipelineErrors(ApiDescription description)
    {
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            yield return (StatusCodes.Status400BadRequest, [ErrorCodes.InvalidJson, ErrorCodes.ValidationFailed]);
            yield return (StatusCodes.Status413PayloadTooLarge, [ErrorCodes.PayloadTooLarge]);
            yield return (StatusCodes.Status415UnsupportedMediaType, [ErrorCodes.UnsupportedMediaType]);
        }

        if (IsRateLimited(description))
        {
            yield return (StatusCodes.Status429TooManyRequests, [ErrorCodes.RateLimited]);
        }
    }

    /// <summary>The global limiter by path, an endpoint policy by its metadata; <c>DisableRateLimiting</c> turns both off.</summary>
    private static bool IsRateLimited(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        return !metadata.OfType<DisableRateLimitingAttribute>().Any()
            && (RateLimits.GeneralLimitApplies("/" + description.RelativePath?.TrimStart('/')) || metadata.OfType<EnableRateLimitingAttribute>().Any());
    }

    /// <summary>One response per error status, its description naming the codes; responses listed by status.</summary>
    private static void Describe(ApiDescription description, IEnumerable<ApiErrorResponseMetadata> errors)
    {
        var responses = description.SupportedResponseTypes;
        foreach (var error in errors)
        {
            for (var i = responses.Count - 1; i >= 0; i--)
            {
                if (responses[i].StatusCode == error.StatusCode)
                {
                    responses.RemoveAt(i);
                }
            }

            responses.Add(new ApiResponseType
            {
                StatusCode = error.StatusCode,
                Type = error.Type,
                Description = error.Description,
                ApiResponseFormats = [.. error.ContentTypes.Select(type => new ApiResponseFormat { MediaType = type })],
            });
        }

        var ordered = responses.OrderBy(r => r.StatusCode).ToList();
        responses.Clear();
        foreach (var response in ordered)
        {
            responses.Add(response);
        }
    }
}
