namespace Sprig.Tests.Controllers;

// The shared notes controller (tests/Shared/Controllers), kept out of the contexts that scan this assembly (WebTests,
// GeneratedRegistryTests) unless a test sets the property.

/// <summary>The notes' store, only where a test asks for it.</summary>
[ConditionalOnProperty("aot.web.controllers")]
public sealed partial class NoteStore;

/// <summary>The notes' controller, only where a test asks for it.</summary>
[ConditionalOnProperty("aot.web.controllers")]
public sealed partial class NoteController;
