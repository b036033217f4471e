using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Data.Configurations;

public sealed class SavedPromptConfiguration : IEntityTypeConfiguration<SavedPrompt>
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MaxTargetLength = 64;
    public const int MaxParametersLength = 2_000;
    public const int MaxProtectedShareTokenLength = 512;

    public void Configure(EntityTypeBuilder<SavedPrompt> builder)
    {
        builder.ToTable("prompts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(MaxTitleLength).IsRequired();
        builder.Property(p => p.Text).HasMaxLength(MaxTextLength).IsRequired();
        builder.Property(p => p.Model).HasMaxLength(64);
        builder.Property(p => p.Size).HasMaxLength(32);
        builder.Property(p => p.Seconds).HasMaxLength(8);
        builder.Property(p => p.Target).HasMaxLength(MaxTargetLength);
        builder.Property(p => p.Parameters).HasMaxLength(MaxParametersLength);
        builder.Property(p => p.ShareTokenHash).HasMaxLength(32);
        builder.Property(p => p.ShareTokenProtected).HasMaxLength(MaxProtectedShareTokenLength);

        // Two writers that both read version n: only the UPDATE ... WHERE current_version = n of one succeeds.
        builder.Property(p => p.CurrentVersion).IsConcurrencyToken();

        builder.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PromptId).OnDelete(DeleteBehavior.Cascade);

        // The library list: one workspace, newest first, then paged.
        builder.HasIndex(p => new { p.WorkspaceId, p.UpdatedAt, p.Id }).IsDescending(false, true, true);
        builder.HasIndex(p => p.ShareTokenHash).IsUnique();
    }
}
