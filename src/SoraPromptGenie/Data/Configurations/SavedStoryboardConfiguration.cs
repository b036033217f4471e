using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Data.Configurations;

public sealed class SavedStoryboardConfiguration : IEntityTypeConfiguration<SavedStoryboard>
{
    /// <summary>
    /// The longest document a checked storyboard can make: about 59,000 characters of text at most (12 shots of 4,000 plus
    /// notes, continuity, title and parameters), each escaped in JSON to six characters at worst, plus the field names.
    /// </summary>
    public const int MaxDocumentLength = 400_000;

    public void Configure(EntityTypeBuilder<SavedStoryboard> builder)
    {
        builder.ToTable("storyboards");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(SavedPromptConfiguration.MaxTitleLength).IsRequired();
        builder.Property(s => s.Document).HasMaxLength(MaxDocumentLength).IsRequired();
        builder.Property(s => s.Target).HasMaxLength(SavedPromptConfiguration.MaxTargetLength);
        builder.Property(s => s.ShareTokenHash).HasMaxLength(32);
        builder.Property(s => s.ShareTokenProtected).HasMaxLength(SavedPromptConfiguration.MaxProtectedShareTokenLength);

        // Two writers that both read version n: only the UPDATE ... WHERE current_version = n of one succeeds.
        builder.Property(s => s.CurrentVersion).IsConcurrencyToken();

        builder.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.StoryboardId).OnDelete(DeleteBehavior.Cascade);

        // The storyboard list: one workspace, newest first, then paged.
        builder.HasIndex(s => new { s.WorkspaceId, s.UpdatedAt, s.Id }).IsDescending(false, true, true);
        builder.HasIndex(s => s.ShareTokenHash).IsUnique();
    }
}
