namespace Sprig.Conditions.Tests.Support;

/// <summary>A fresh folder under the system temp path, deleted on dispose; configuration files are written into it.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sprig-conditions-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file (LF line endings, so reported positions do not depend on the platform).</summary>
    public TempDirectory Write(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content.ReplaceLineEndings("\n"));
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
