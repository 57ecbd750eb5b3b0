using System.Reflection;
using System.Reflection.Emit;

namespace Sprig.Benchmarks;

/// <summary>
/// Generates, with System.Reflection.Emit, a DAG of distinct public classes: class <c>C{i}</c> has 0–2 dependencies on classes
/// with a lower index (chosen with a fixed seed), a public constructor taking them and public readonly fields that keep them.
/// Any prefix of the array is a closed graph, so the first 1,000 types of the 10,000 are the 1,000-type case.
/// </summary>
internal static class EmittedGraph
{
    // Defining types slows down as a dynamic module grows (10,000 in one module take ~15 s, 250 per assembly under 1 s).
    private const int TypesPerAssembly = 250;

    private static readonly ConstructorInfo ObjectConstructor = typeof(object).GetConstructor(Type.EmptyTypes)!;

    public static Type[] Create(int count, string assemblyName = "Sprig.Benchmarks.Emitted", int seed = 42)
    {
        ModuleBuilder module = null!;
        var random = new Random(seed);
        var types = new Type[count];
        for (var i = 0; i < count; i++)
        {
            if (i % TypesPerAssembly == 0)
            {
                var name = $"{assemblyName}{i / TypesPerAssembly}";
                module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.Run).DefineDynamicModule(name);
            }

            var dependencies = Dependencies(random, i).Select(d => types[d]).ToArray();
            var builder = module.DefineType($"C{i:D5}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(object));
            var fields = dependencies.Select((d, k) => builder.DefineField($"D{k}", d, FieldAttributes.Public | FieldAttributes.InitOnly)).ToArray();
            var constructor = builder.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, dependencies);
            var il = constructor.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, ObjectConstructor);
            for (var k = 0; k < fields.Length; k++)
            {
                constructor.DefineParameter(k + 1, ParameterAttributes.None, $"d{k}");
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldarg, k + 1);
                il.Emit(OpCodes.Stfld, fields[k]);
            }

            il.Emit(OpCodes.Ret);
            types[i] = builder.CreateType();
        }

        return types;
    }

    /// <summary>Averages one dependency per class: 0, 1 or 2, distinct, each on an earlier class.</summary>
    private static int[] Dependencies(Random random, int index)
    {
        var count = Math.Min(random.Next(3), index);
        if (count == 0)
        {
            return [];
        }

        var first = random.Next(index);
        if (count == 1)
        {
            return [first];
        }

        var second = random.Next(index - 1);
        return [first, second >= first ? second + 1 : second];
    }
}
