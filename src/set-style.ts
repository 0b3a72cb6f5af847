/**
 * Sets one inline style property, only when its value changes: even an unchanged write marks the
 * element's styles dirty, and a custom property restyles everything under the element.
 */
export function setOnce(element: HTMLElement | null | undefined, name: string, value: string): void {
  if (element && element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
}
