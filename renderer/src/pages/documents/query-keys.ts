/** React Query keys of the documents module; issuing or voiding invalidates them all. */
export const documentsKey = ['documents'] as const;
