using System.Numerics;
using static SoraPromptGenie.Core.Engines.Offline.IdeaTrait;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// How well a card suits an idea with some <see cref="IdeaTrait"/>s: it scores <see cref="StrongWeight"/> per
/// <see cref="Strong"/> trait the idea has and 1 per <see cref="Mild"/> one, on top of <see cref="Base"/>; it is out when the idea has a <see cref="Clash"/>
/// trait (moonlight at dawn, film noir for children) or none of the traits it <see cref="Needs"/> (moonlight needs a
/// night). Once chosen, the card <see cref="Gives"/> its own traits to the cards chosen after it.
/// </summary>
internal sealed record CardFit(
    string Id,
    IdeaTrait Strong = None,
    IdeaTrait Mild = None,
    IdeaTrait Clash = None,
    IdeaTrait Needs = None,
    IdeaTrait Gives = None,
    int Base = 0)
{
    /// <summary>A strong fit outweighs any two mild ones, so what the idea says outright decides the card.</summary>
    public const int StrongWeight = 4;

    public bool Suits(IdeaTrait traits) => (Clash & traits) == 0 && (Needs == None || (Needs & traits) != 0);

    public int Score(IdeaTrait traits) =>
        Base + (StrongWeight * BitOperations.PopCount((ulong)(Strong & traits))) + BitOperations.PopCount((ulong)(Mild & traits));
}

/// <summary>The fit of every card auto-generate may choose; ids are catalog ids, and a test checks they resolve.</summary>
internal static class CardFits
{
    /// <summary>The categories auto-generate writes a shot with, in the order it chooses them: each choice informs the next.</summary>
    public static readonly string[] ChoiceOrder = ["lighting", "camera-angles", "camera-motion", "style", "color-palette"];

    public static readonly IReadOnlyList<CardFit> All =
    [
        // Light first: it follows the time of day, the weather and the place.
        new("lighting/golden-hour", Strong: Dawn | Dusk, Mild: Water | Wilds | Romance | Joy | Sport | Child | Animal | Wind | Heat | Elder | Wet | Moving,
            Clash: Night | Noon | Indoor | Rain | Storm | Fog | SciFi | Noir | Tense, Gives: Warm),
        new("lighting/neon-glow", Strong: City | SciFi, Mild: Night | Rain | Noir | Tense | Crowd | Wet,
            Clash: Day | Dawn | Dusk | Child | Animal | Wilds | Forest | Water | Period | Elder | Calm, Needs: Night | Neon, Gives: Neon | Dark),
        new("lighting/soft-window-light", Strong: Indoor, Mild: Face | Craft | Food | Calm | Elder | Sad | Romance | Child | Day | Dawn,
            Clash: Night | Dusk | SciFi | Noir | Tense | Tight, Needs: Indoor),
        new("lighting/rembrandt-lighting", Strong: Face, Mild: Elder | Craft | Indoor | Sad | Period | Noir,
            Clash: Child | Joy | Wilds | Water | Sport | Moving | Crowd | Day | Animal | Food, Needs: Face | Elder | Craft | Period, Gives: Dark),
        new("lighting/low-key-chiaroscuro", Strong: Tense | Noir, Mild: Night | Sad | Indoor | Face | SciFi | Storm,
            Clash: Child | Joy | Day | Dawn | Food | Calm | Wilds | Animal | Romance, Needs: Tense | Noir | Storm, Gives: Dark),
        new("lighting/high-key", Strong: Food | Joy, Mild: Child | Indoor | Day | Craft | SciFi,
            Clash: Night | Dusk | Tense | Noir | Sad | Storm | Fog | Rain | Wilds | Water | Animal | Period, Needs: Indoor | Food | SciFi, Gives: Bright),
        new("lighting/backlit-silhouette", Strong: Dusk | Dawn, Mild: Water | Wilds | Romance | Sport | Animal | Grand | Moving | SciFi,
            Clash: Indoor | Noon | Night | Rain | Fog | Storm | Face | Food | Tight | Craft, Gives: Warm),
        new("lighting/overcast-diffused", Strong: Rain | Wind | Wet | Fog | Storm, Mild: Snow | Sad | Elder | Day | Water | City | Animal | Crowd,
            Clash: Night | Dusk | Indoor | SciFi, Gives: Muted),
        new("lighting/moonlight", Strong: Night, Mild: Snow | Water | Wilds | Forest | Animal | Romance | Sad | Fantasy | Calm | Tense,
            Clash: Day | Dawn | Dusk | Indoor, Needs: Night, Gives: Cool),
        new("lighting/candlelight", Strong: Romance | Period, Mild: Night | Indoor | Fantasy | Sad | Craft | Elder | Calm | Dusk,
            Clash: Day | Dawn | Wilds | Water | Sport | SciFi | Moving | Crowd | Storm | City, Needs: Indoor | Period | Romance, Gives: Warm | Dark),
        new("lighting/volumetric-light-shafts", Strong: Forest | Fog, Mild: Dawn | Grand | Fantasy | Indoor | Animal | Calm | Period | Wet,
            Clash: Night | Rain | Storm | SciFi | Tight, Needs: Forest | Fog | Dawn | Grand | Fantasy | Period),
        new("lighting/practical-lamps", Strong: Indoor, Mild: Night | Dusk | City | Craft | Food | Sad | Calm | Elder | Noir | Period | Tight | Tense,
            Clash: Day | Dawn | Wilds | Water | Forest | Sport | SciFi, Needs: Indoor, Gives: Warm),

        // Framing follows the subject, its scale and its action.
        new("camera-angles/eye-level", Base: 1, Mild: Elder | Craft | Food | Calm | Child | Indoor | Romance | Face | Animal),
        new("camera-angles/low-angle", Strong: Sport | Grand, Mild: City | Animal | Moving | Vehicle | Storm | Tense | SciFi | Child,
            Clash: Food | Craft | Calm | Tight),
        new("camera-angles/high-angle", Strong: Sad | Crowd, Mild: Tense | Child | Food | Craft | Rain | Wet | Animal,
            Clash: Grand | Sport | Romance),
        new("camera-angles/birds-eye-view", Strong: Crowd | Food, Mild: City | Wilds | Sport | Craft | Wet | Snow | Water,
            Clash: Face | Tight | Romance | Night | Sad | Tense, Gives: Wide),
        new("camera-angles/worms-eye-view", Strong: City | Grand, Mild: Forest | Sport | SciFi | Child | Animal | Moving,
            Clash: Food | Craft | Face | Indoor | Calm | Water | Romance),
        new("camera-angles/close-up", Strong: Face, Mild: Sad | Romance | Tense | Elder | Child | Noir,
            Clash: Crowd | Grand | Vehicle | Wilds | Sport | Moving | Water, Needs: Face | Sad | Romance | Tense | Elder, Gives: Close),
        new("camera-angles/extreme-close-up", Strong: Craft | Food, Mild: Face | Tense | Fantasy | SciFi,
            Clash: Crowd | Grand | Sport | Moving | Vehicle | Wilds | Water, Needs: Craft | Food | Face | Tense, Gives: Close),
        new("camera-angles/medium-shot", Base: 1, Mild: Craft | Food | Indoor | Romance | Elder | Child | Joy | Tight | Noir,
            Clash: Grand),
        new("camera-angles/wide-establishing", Strong: Wilds | Grand | SciFi | Water, Mild: Forest | Snow | Storm | Fog | City | Animal | Dawn | Dusk | Heat | Vehicle,
            Clash: Tight | Face | Craft | Food | Indoor, Gives: Wide),
        new("camera-angles/over-the-shoulder", Strong: Romance, Mild: Tense | Noir | Craft | Elder | Indoor,
            Clash: Animal | Wilds | Sport | Crowd | Child | Moving, Needs: Romance | Tense | Noir | Craft),
        new("camera-angles/dutch-angle", Strong: Tense, Mild: Noir | Storm | Night | City | SciFi,
            Clash: Calm | Child | Joy | Romance | Food | Animal | Elder | Craft, Needs: Tense | Noir | Storm),
        new("camera-angles/point-of-view", Strong: Vehicle, Mild: Sport | Moving | Tense | Fantasy | Child,
            Clash: Calm | Face | Elder | Craft | Food | Animal | Romance, Needs: Sport | Vehicle | Moving | Tense),

        // The camera move follows whether the subject travels, and the framing chosen before it.
        new("camera-motion/slow-dolly-in", Base: 1, Strong: Face | Sad | Tense | Craft | Elder, Mild: Food | Romance | Calm | Indoor | Close | Noir,
            Clash: Sport | Vehicle | Wide),
        new("camera-motion/dolly-out-reveal", Strong: Grand | Sad | Wilds, Mild: Craft | Food | Water | City | Crowd | Fantasy | Close | Snow,
            Clash: Sport | Moving | Vehicle | Tight | Face),
        new("camera-motion/tracking-shot", Strong: Moving | Sport | Vehicle, Mild: Animal | Child | City | Water | Night,
            Clash: Calm | Craft | Food | Close | Tight | Elder, Needs: Moving | Sport | Vehicle),
        new("camera-motion/handheld-follow", Strong: Crowd | Tense, Mild: Sport | Moving | Child | City | Rain | Storm | Wet | Food | Tight | Joy,
            Clash: Calm | Grand | SciFi | Romance | Wide | Elder, Needs: Moving | Sport | Crowd | Tense | Child | City | Food | Tight),
        new("camera-motion/crane-up", Strong: Grand | Crowd, Mild: City | Wilds | Water | Forest | Dawn | Dusk | Wide | Joy,
            Clash: Indoor | Tight | Close | Face | Craft | Food | Sport),
        new("camera-motion/slow-orbit", Strong: Romance | Fantasy, Mild: Face | Food | Craft | Child | Animal | SciFi | Calm | Elder | Close | Joy,
            Clash: Moving | Sport | Vehicle | Tight | Wide | Crowd),
        new("camera-motion/slow-pan", Strong: Wilds | Forest | Water | Calm, Mild: City | Snow | Fog | Animal | Crowd | Dawn | Dusk | Wide | Indoor,
            Clash: Close | Sport | Tense | Tight),
        new("camera-motion/locked-off-static", Strong: Calm | Animal | Craft, Mild: Elder | Food | Sad | Snow | Fog | Rain | Indoor | Tight | Close | Wide | Wilds,
            Clash: Sport | Moving | Vehicle | Crowd | Joy),
        new("camera-motion/drone-flyover", Strong: Grand | Wilds | Water, Mild: Forest | Snow | Heat | City | Vehicle | Moving | Wide | Dawn | Dusk,
            Clash: Indoor | Tight | Close | Face | Craft | Food | Night | Romance, Needs: Wide),
        new("camera-motion/whip-pan", Strong: Sport, Mild: Tense | Joy | Crowd | City | Child,
            Clash: Calm | Sad | Elder | Craft | Romance | Animal | Close | Wide, Needs: Sport | Tense | Joy | Crowd),
        new("camera-motion/steadicam-glide", Strong: Crowd, Mild: Indoor | City | Joy | Period | Fantasy | Night | Moving,
            Clash: Tight | Wilds | Water | Calm | Close | Wide | Face | Animal | Sport | Forest, Needs: Indoor | City | Crowd),
        new("camera-motion/dolly-zoom", Strong: Tense, Mild: Noir | Sad | Fantasy | SciFi,
            Clash: Calm | Joy | Child | Food | Romance | Animal | Craft, Needs: Tense),

        // The style follows the genre and the light.
        new("style/cinematic-35mm", Base: 1, Mild: Romance | Sad | Dusk | Dawn | Water | Wilds),
        new("style/16mm-documentary", Strong: Craft | Elder | Crowd, Mild: Food | Animal | Sport | City | Water | Sad | Calm | Wind | Rain | Muted,
            Clash: SciFi | Fantasy | Neon | Grand | Noir | Romance),
        new("style/film-noir", Strong: Noir, Mild: Night | Tense | Rain | City | Period | Dark,
            Clash: Child | Joy | Animal | Food | SciFi | Fantasy | Sport | Day | Dawn | Neon | Wilds | Water | Warm, Needs: Noir, Gives: Mono),
        new("style/anamorphic-widescreen", Strong: Grand | Sport | Vehicle, Mild: Wilds | Water | SciFi | Dusk | Dawn | City | Moving | Storm | Snow,
            Clash: Tight | Face | Craft | Food | Child | Calm | Retro),
        new("style/nature-documentary", Strong: Animal, Mild: Forest | Wilds | Water | Snow | Dawn | Calm,
            Clash: Indoor | City | SciFi | Food | Crowd | Noir | Child | Vehicle | Fantasy, Needs: Animal),
        new("style/vintage-super-8", Strong: Retro | Child, Mild: Period | Joy | Romance | Sad | Water | Day | Warm | Wilds,
            Clash: SciFi | Noir | Tense | Neon | Grand | Mono | Period),
        new("style/music-video", Strong: Neon | Crowd, Mild: Joy | Night | City | Retro,
            Clash: Sad | Calm | Elder | Animal | Craft | Period | Child | Wilds | Food | Water, Needs: Neon | Joy | Crowd),
        new("style/stop-motion", Strong: Fantasy, Mild: Child | Joy | Food | Indoor | Tight,
            Clash: Tense | Noir | Sport | Grand | Storm | SciFi | Sad | Romance | Elder, Needs: Fantasy | Child | Food),
        new("style/hand-drawn-anime", Strong: Fantasy, Mild: Child | SciFi | Joy | Romance | Wind | Rain | Dusk | City,
            Clash: Noir | Food | Elder | Craft | Tense, Needs: Fantasy | Child | SciFi | Joy | Romance),
        new("style/neo-noir", Strong: Noir | Neon, Mild: City | Night | Rain | Tense | Wet | Dark,
            Clash: Child | Joy | Animal | Food | Day | Dawn | Fantasy | Wilds | Forest | Calm | Period | Mono | Warm, Needs: Noir | Neon),
        new("style/commercial-polish", Strong: Food | Vehicle, Mild: Bright | Indoor | Craft | Day | SciFi,
            Clash: Sad | Tense | Noir | Storm | Wilds | Animal | Period | Retro | Fog | Rain, Needs: Food | Vehicle | Bright),
        new("style/vhs-camcorder", Strong: Retro, Mild: Child | Joy | Crowd | Tense | Night | Indoor,
            Clash: SciFi | Grand | Wilds | Animal | Romance | Calm | Fantasy | Water | Period, Needs: Retro | Joy | Child),
        new("style/sci-fi-epic", Strong: SciFi, Mild: Grand | City | Night | Neon,
            Clash: Period | Retro | Child | Animal | Food, Needs: SciFi),

        // The palette follows everything chosen before it.
        new("color-palette/teal-and-orange", Strong: Sport | Vehicle, Mild: Grand | Warm | City | Dusk | Water | Heat | Moving | Dawn,
            Clash: Mono | Neon | Fantasy | Calm | Cool),
        new("color-palette/cyberpunk-neon", Strong: Neon, Mild: SciFi | City | Night | Crowd,
            Clash: Mono | Day | Dawn | Child | Animal | Wilds | Forest | Period | Warm | Cool, Needs: Neon | SciFi),
        new("color-palette/warm-earth-tones", Strong: Warm | Heat | Craft | Food, Mild: Elder | Indoor | Wilds | Dusk | Calm | Period,
            Clash: Mono | Neon | Cool | SciFi | Night),
        new("color-palette/pastel-haze", Strong: Child | Fantasy | Dawn, Mild: Joy | Romance | Calm | Bright | Food | Fog,
            Clash: Mono | Noir | Tense | Night | Neon | Dark | Sport | Grand | Storm | Elder),
        new("color-palette/cool-blue-monochrome", Strong: Cool | Snow | Night | SciFi, Mild: Sad | Water | Tense | Fog | Rain | Calm,
            Clash: Warm | Neon | Mono | Joy | Heat | Food | Child | Dawn | Day),
        new("color-palette/desaturated-muted", Strong: Muted | Sad | Fog | Rain, Mild: Wet | Wind | Elder | Period | Storm | Tense | City | Water,
            Clash: Mono | Neon | Joy | Child | Bright | Fantasy | Food | Warm),
        new("color-palette/black-and-white", Strong: Mono, Mild: Noir | Period | Tense | Sad | Dark,
            Clash: Neon | Child | Joy | Food | Fantasy | SciFi, Needs: Mono),
        new("color-palette/jewel-tones", Strong: Fantasy | Romance, Mild: Period | Indoor | Night | Dark | Warm | Crowd,
            Clash: Mono | Neon | Wilds | Sport | Snow | Day | Muted | Child),
        new("color-palette/autumn-amber", Strong: Warm | Period | Dusk, Mild: Forest | Elder | Sad | Romance | Craft | Food | Wind | Calm,
            Clash: Mono | Neon | Cool | SciFi | Night | Heat | Child),
        new("color-palette/bleach-bypass", Strong: Tense | Grand, Mild: Sport | Storm | Noir | City | Dark | Vehicle | Wind,
            Clash: Child | Joy | Romance | Calm | Food | Fantasy | Mono | Warm | Animal),
        new("color-palette/vibrant-primaries", Strong: Child | Joy | Bright, Mild: Sport | Food | Day | Crowd | City,
            Clash: Sad | Noir | Night | Tense | Mono | Neon | Dark | Period | Cool | SciFi, Needs: Child | Joy | Bright | Sport),
        new("color-palette/forest-greens", Strong: Forest, Mild: Wilds | Animal | Calm | Fog | Rain | Day | Dawn,
            Clash: City | SciFi | Mono | Neon | Snow | Heat | Night | Indoor, Needs: Forest | Wilds | Animal),
    ];
}
