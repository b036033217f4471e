using System.Net.Http.Json;
using SoraPromptGenie.Storyboards;
using SoraPromptGenie.Tests.Library;

namespace SoraPromptGenie.Tests.Storyboards;

/// <summary>Storyboards to save and helpers for calling the storyboard library as a workspace.</summary>
public static class StoryboardLibraryApi
{
    public const string Raincoat = "a tall woman in a yellow raincoat";

    /// <summary>A storyboard in the wire shape, as a client sends it.</summary>
    public static object Lighthouse(string? title = "Lighthouse", string firstShot = "Mara, " + Raincoat + ", climbs the lighthouse stairs.") => new
    {
        title,
        continuity = new { characters = new[] { new { name = "Mara", description = Raincoat } }, setting = "a storm-lashed lighthouse", look = "cold blue dusk" },
        shots = new object[]
        {
            new { prompt = firstShot, seconds = 4, camera = "low angle", transition = "cut" },
            new { prompt = "The lamp room glows as the lens turns.", seconds = 6 },
        },
    };

    public static async Task<StoryboardResponse> CreateStoryboardAsync(this HttpClient client, string key, object? storyboard = null)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/storyboards", key, new { storyboard = storyboard ?? Lighthouse() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StoryboardResponse>(LibraryApi.Json))!;
    }
}
