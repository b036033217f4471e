namespace SoraPromptGenie.Bench.Micro;

internal static class Prompts
{
    /// <summary>About 80 words: scene, camera, light, palette, an action in beats, one line of dialogue.</summary>
    public const string Typical =
        "An elderly lighthouse keeper in a wool coat climbs the spiral iron stairs at dusk, lantern in hand, rain streaking "
        + "the salt-stained windows. Medium close-up from a low angle, slow dolly-in as he reaches the lamp room. Warm "
        + "tungsten lantern light against cold blue window light; palette of amber, slate blue and rust. He takes four "
        + "steps, pauses to catch his breath, then turns the brass key. The beam sweeps across the storm. He says quietly: "
        + "\"Still here, old friend.\"";

    public const string BasicIdea = "lighthouse keeper at night during a storm";
}
