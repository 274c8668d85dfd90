/** Tables of the 检查表 module. */
export {};
