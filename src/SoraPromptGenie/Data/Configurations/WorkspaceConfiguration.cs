using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraPromptGenie.Data.Entities;

namespace SoraPromptGenie.Data.Configurations;

public sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.KeyHash).HasMaxLength(32).IsRequired();

        // Every authenticated request looks its workspace up by key hash.
        builder.HasIndex(w => w.KeyHash).IsUnique();

        // The expiry of empty workspaces looks for the ones unused since a cut-off.
        builder.HasIndex(w => w.LastUsedAt);
    }
}
