/**
 * The nodes of some types in a tree, in document order. The checks walk each record's tree
 * several times; a plain recursive walk does it at a fraction of unist-util-visit's cost,
 * which builds an ancestors list at every node for visitors that here never need it.
 */
import type { Node, Parent } from 'unist';

/** Every node of `tree`, itself first, in document order: one walk that several checks then filter. */
export function allNodes(tree: Node): Node[] {
  const found: Node[] = [];
  const walk = (node: Node): void => {
    found.push(node);
    const children = (node as Partial<Parent>).children;
    if (children) for (const child of children) walk(child);
  };
  walk(tree);
  return found;
}

export function nodesOf<T extends Node>(tree: Node, ...types: T['type'][]): T[] {
  const found: T[] = [];
  const walk = (node: Node): void => {
    if (types.includes(node.type)) found.push(node as T);
    const children = (node as Partial<Parent>).children;
    if (children) for (const child of children) walk(child);
  };
  walk(tree);
  return found;
}
