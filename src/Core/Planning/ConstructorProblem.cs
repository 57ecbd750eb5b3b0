namespace Sprig.Planning;

/// <summary>What is wrong with a class's constructors under Sprig's rule.</summary>
internal enum ConstructorProblem
{
    None,
    SeveralMarked,
    NonePublic,
    SeveralPublic,
}
